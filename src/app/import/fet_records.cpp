#include "app/import/fet_records.h"

#include <map>

#include "domain/class_name.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// A name table of the mapping, looked up once per distinct FET name.
class Names {
public:
    explicit Names(const std::map<std::string, formats::FetMapped<std::string>>& table)
        : table_(table) {}
    const std::string& operator()(const std::string& fet_name) {
        auto it = cache_.find(fet_name);
        if (it == cache_.end()) {
            auto to = mapped(table_, fet_name);
            it = cache_.emplace(fet_name, to ? to->to : fet_name).first;
        }
        return it->second;
    }

private:
    const std::map<std::string, formats::FetMapped<std::string>>& table_;
    std::map<std::string, std::string> cache_;
};

std::string joined(const std::vector<std::string>& names, std::size_t from) {
    std::string out;
    for (std::size_t i = from; i < names.size(); ++i) {
        out += (out.empty() ? "" : ", ") + names[i];
    }
    return out;
}

std::string slot_text(std::optional<int> number, const std::string& fet_name) {
    return number ? std::to_string(*number) : fet_name;
}

// One note for many activities: "3 activities have …: activities 4, 9, 12".
void note_activities(const std::vector<int>& ids, const std::string& have,
                     FetRecords& out) {
    if (ids.empty()) {
        return;
    }
    constexpr std::size_t shown = 10;
    std::string list;
    for (std::size_t i = 0; i < ids.size() && i < shown; ++i) {
        list += (i > 0 ? ", " : "") + std::to_string(ids[i]);
    }
    if (ids.size() > shown) {
        list += " and " + std::to_string(ids.size() - shown) + " more";
    }
    const bool one = ids.size() == 1;
    out.notes.push_back({0, std::to_string(ids.size()) + (one ? " activity has " : " activities have ") +
                                have + " and " + (one ? "is" : "are") + " not imported: " +
                                (one ? "activity " : "activities ") + list});
}

}  // namespace

void require_official_mode(const formats::FetTimetable& t, const std::string& file) {
    if (!t.mode.empty() && t.mode != "Official") {
        throw Error(ExitCode::data, file + ": a timetable of FET's mode " + t.mode +
                                        "; schoolctl imports timetables of FET's official mode, "
                                        "whose days are the days of the week");
    }
}

const std::vector<std::string>& fet_record_header() {
    static const std::vector<std::string> header = {"class",   "group", "subject", "teacher",
                                                    "room",    "weekday", "lesson"};
    return header;
}

std::vector<std::string> fet_record_fields(const FetRecord& r) {
    return {r.class_name, r.group, r.subject, r.teacher, r.room, r.weekday, r.lesson};
}

std::optional<int> fet_weekday(const formats::FetTimetable& t, const formats::FetMapping& m,
                               int day_index) {
    if (!m.has_days) {
        return day_index + 1;
    }
    auto to = mapped(m.days, t.days.at(static_cast<std::size_t>(day_index)));
    return to ? std::optional<int>(to->to) : std::nullopt;
}

std::optional<int> fet_lesson(const formats::FetTimetable& t, const formats::FetMapping& m,
                              int hour_index) {
    if (!m.has_hours) {
        return hour_index + 1;
    }
    auto to = mapped(m.hours, t.hours.at(static_cast<std::size_t>(hour_index)));
    return to ? std::optional<int>(to->to) : std::nullopt;
}

FetRecords fet_records(const formats::FetTimetable& t, const formats::FetMapping& m) {
    FetRecords out;
    Names teachers(m.teachers), subjects(m.subjects), students(m.students), rooms(m.rooms);
    std::map<std::string, bool> is_class;  // by roster name
    std::vector<int> without_students;     // a teachers' duty or meeting: no class has it
    for (const formats::FetLesson& lesson : t.lessons) {
        if (lesson.teachers.size() > 1) {
            out.notes.push_back(
                {lesson.line, "activity " + std::to_string(lesson.activity_id) + " has " +
                                  std::to_string(lesson.teachers.size()) + " teachers (" +
                                  joined(lesson.teachers, 0) + "); a timetable lesson has one: " +
                                  lesson.teachers.front() + " teaches it, " +
                                  joined(lesson.teachers, 1) + " " +
                                  (lesson.teachers.size() == 2 ? "is" : "are") + " left out"});
        }
        if (lesson.students.empty()) {
            without_students.push_back(lesson.activity_id);
            continue;
        }
        FetRecord r;
        r.line = lesson.line;
        r.activity_id = lesson.activity_id;
        r.subject = subjects(lesson.subject);
        r.teacher = lesson.teachers.empty() ? std::string() : teachers(lesson.teachers.front());
        r.room = lesson.room.empty() ? std::string() : rooms(lesson.room);
        r.weekday = slot_text(fet_weekday(t, m, lesson.day_index), lesson.day);
        for (const std::string& set : lesson.students) {
            const std::string& name = students(set);
            auto [known, added] = is_class.try_emplace(name, false);
            if (added) {
                known->second = std::holds_alternative<domain::ClassName>(
                    domain::parse_class_name(name));
            }
            r.class_name = known->second ? name : std::string();
            r.group = known->second ? std::string() : name;
            for (int h = 0; h < lesson.duration; ++h) {
                const int index = lesson.hour_index + h;
                r.lesson = slot_text(fet_lesson(t, m, index),
                                     t.hours.at(static_cast<std::size_t>(index)));
                out.records.push_back(r);
            }
        }
    }
    note_activities(without_students, "no students (a duty or a meeting?)", out);
    note_activities(t.unplaced_activities,
                    "no place in the timetable (a partial timetable, or added after it was made)",
                    out);
    return out;
}

}  // namespace schoolctl::app
