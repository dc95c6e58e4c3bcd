#include "app/import/fet_names.h"

#include <algorithm>
#include <functional>
#include <map>
#include <optional>

#include "app/import/fet_guesses.h"
#include "app/import/fet_records.h"
#include "domain/class_name.h"

namespace schoolctl::app {
namespace {

using formats::FetMapped;
using NameTable = std::map<std::string, FetMapped<std::string>>;
using Strings = std::vector<std::string>;

// "A, B or C"; "A, B, C, D, E, …" past five.
std::string joined_or(const Strings& items) {
    constexpr std::size_t shown = 5;
    std::string out;
    const std::size_t n = std::min(items.size(), shown);
    for (std::size_t i = 0; i < n; ++i) {
        out += (i == 0 ? "" : i + 1 == n && items.size() <= shown ? " or " : ", ") + items[i];
    }
    return items.size() > shown ? out + ", …" : out;
}

// "; did you mean A or B?", or "" when there is no guess.
std::string did_you_mean_any(const Strings& candidates) {
    return candidates.empty() ? std::string() : "; did you mean " + joined_or(candidates) + "?";
}

// Why a name (mapped or not) is nothing of the roster, by the rules the timetable import
// resolves it with; nullopt when it matches.

std::optional<std::string> teacher_problem(const std::string& text, const RosterNames& roster) {
    const std::string key = domain::match_key(text);
    std::size_t same_name = 0;
    for (const auto& s : roster.staff) {
        if (!s.id.empty() && s.id == text) {
            return std::nullopt;
        }
        same_name += s.match_key == key ? 1U : 0U;
    }
    if (same_name == 1) {
        return std::nullopt;
    }
    if (same_name > 1) {
        return std::to_string(same_name) + " staff members have this full name; map it to the "
                                           "staff id of one";
    }
    return std::string("no staff member has this id or full name");
}

std::optional<std::string> subject_problem(const std::string& text, const RosterNames& roster) {
    const std::string key = domain::match_key(text);
    for (const auto& s : roster.subjects) {
        if (domain::match_key(s.code) == key || domain::match_key(s.name) == key) {
            return std::nullopt;
        }
    }
    return std::string("no subject has this code or name");
}

std::optional<std::string> students_problem(const std::string& text, const RosterNames& roster) {
    auto parsed = domain::parse_class_name(text);
    if (const auto* klass = std::get_if<domain::ClassName>(&parsed)) {
        const auto& c = roster.classes;
        if (std::find(c.begin(), c.end(), klass->str()) != c.end()) {
            return std::nullopt;
        }
        return "the current year has no class " + klass->str();
    }
    const std::string key = domain::match_key(text);
    for (const auto& g : roster.groups) {
        if (domain::match_key(g.name) == key) {
            return std::nullopt;
        }
    }
    return std::string("no class or group of the current year has this name");
}

std::optional<std::string> room_problem(const std::string& text, const RosterNames& roster) {
    if (text.empty() || roster.rooms.empty()) {
        return std::nullopt;  // mapped to no room, or the school does not list its rooms
    }
    const std::string key = domain::match_key(text);
    for (const auto& room : roster.rooms) {
        if (domain::match_key(room) == key) {
            return std::nullopt;
        }
    }
    return std::string("not a room of the school (school.rooms)");
}

struct Kind {
    const char* label;
    const NameTable* table;
    std::function<std::optional<std::string>(const std::string&, const RosterNames&)> problem;
    std::function<Strings(const std::string&, const RosterNames&)> guesses;
};

std::string where(const formats::FetMapping& m, std::size_t line) {
    return m.file + ":" + std::to_string(line);
}

void check_names(const Kind& kind, const Strings& order, const std::map<std::string, int>& used,
                 const formats::FetMapping& m, const RosterNames& roster,
                 std::vector<UnmatchedName>& out) {
    for (const auto& name : order) {
        const auto n = used.find(name);
        if (n == used.end()) {
            continue;  // no placed lesson uses it: nothing is imported from it
        }
        const auto to = mapped(*kind.table, name);
        const std::string target = domain::normalise_spaces(to ? to->to : name);
        const auto problem = kind.problem(target, roster);
        if (!problem) {
            continue;
        }
        std::string reason = *problem;
        if (to) {
            reason = "mapped to «" + target + "» (" + where(m, to->line) + "), but " + reason;
        }
        Strings guesses = kind.guesses(name, roster);
        if (guesses.empty() && to) {
            guesses = kind.guesses(target, roster);
        }
        out.push_back({kind.label, name, n->second, reason + did_you_mean_any(guesses)});
    }
}

void check_slots(const char* label, const Strings& names, const std::map<int, int>& used,
                 const std::map<std::string, FetMapped<int>>& table,
                 const formats::FetMapping& m, std::vector<UnmatchedName>& out) {
    const char* header = std::string_view(label) == "day" ? "[days]" : "[hours]";
    for (const auto& [index, lessons] : used) {
        const std::string& name = names.at(static_cast<std::size_t>(index));
        if (!mapped(table, name)) {
            out.push_back({label, name, lessons,
                           std::string("not in ") + header + " of " + m.file +
                               " (with " + header + " every " + label +
                               " the timetable uses needs a line)"});
        }
    }
}

}  // namespace

std::string UnmatchedName::str() const {
    return kind + " «" + name + "» (" + std::to_string(lessons) +
           (lessons == 1 ? " lesson" : " lessons") + "): " + reason;
}

std::vector<UnmatchedName> unmatched_names(const formats::FetTimetable& t,
                                           const formats::FetMapping& m,
                                           const RosterNames& roster) {
    std::map<std::string, int> teachers, subjects, students, rooms;
    std::map<int, int> days, hours;
    for (const auto& lesson : t.lessons) {
        const int n = lesson.duration;
        if (!lesson.teachers.empty()) {
            teachers[lesson.teachers.front()] += n;
        }
        subjects[lesson.subject] += n;
        for (const auto& set : lesson.students) {
            students[set] += n;
        }
        if (!lesson.room.empty()) {
            rooms[lesson.room] += n;
        }
        days[lesson.day_index] += n;
        for (int h = 0; h < n; ++h) {
            ++hours[lesson.hour_index + h];
        }
    }
    Strings sets;
    for (const auto& s : t.students_sets) {
        sets.push_back(s.name);
    }
    std::vector<UnmatchedName> out;
    check_names({"teacher", &m.teachers, teacher_problem, guess_teacher}, t.teachers,
                teachers, m, roster, out);
    check_names({"subject", &m.subjects, subject_problem, guess_subject}, t.subjects,
                subjects, m, roster, out);
    check_names({"students set", &m.students, students_problem, guess_students}, sets,
                students, m, roster, out);
    check_names({"room", &m.rooms, room_problem, guess_room}, t.rooms, rooms, m, roster, out);
    if (m.has_days) {
        check_slots("day", t.days, days, m.days, m, out);
    }
    if (m.has_hours) {
        check_slots("hour", t.hours, hours, m.hours, m, out);
    }
    return out;
}

}  // namespace schoolctl::app
