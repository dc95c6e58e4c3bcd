#include "app/schedule_view.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "app/class_select.h"
#include "app/room_select.h"
#include "app/school_calendar.h"
#include "app/staff_select.h"
#include "app/timetable_targets.h"
#include "domain/bell_choice.h"
#include "domain/collation.h"
#include "domain/periodicity.h"
#include "domain/person_name.h"
#include "domain/weekday.h"
#include "store/names.h"
#include "store/pupils.h"
#include "store/timetable.h"
#include "util/clock.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using std::chrono::days;
using std::chrono::sys_days;

struct Week {
    Date monday;
    std::vector<Date> days;  // the days shown: Monday to Friday, and weekend days with lessons
};

std::string cell_text(const store::LessonView& l, ViewKind kind, const TimetableTargets& targets,
                      std::int64_t viewer, bool subject_names) {
    const std::string& subject = subject_names ? l.subject_name : l.subject_code;
    std::string who_for = targets.of(l).name;
    std::string teacher = domain::short_name(l.teacher);
    std::string substitute = l.substitute_id ? domain::short_name(l.substitute) : "";
    std::string out;
    switch (kind) {
    case ViewKind::class_:
        // «5А англ. 1» in 5А's own grid reads «англ. 1».
        if (l.group_class_id) {
            if (const auto* klass = targets.of_class(*l.group_class_id);
                klass != nullptr && who_for.starts_with(klass->name + " ")) {
                who_for = who_for.substr(klass->name.size() + 1);
            }
        }
        out = (l.group_id ? who_for + ": " : "") + subject +
              (l.room.empty() ? "" : " " + l.room) + " " + (l.substitute_id ? substitute : teacher);
        break;
    case ViewKind::teacher:
        out = who_for + " " + subject + (l.room.empty() ? "" : " " + l.room);
        if (l.substitute_id && l.teacher_id == viewer) {
            out += " (заменяет " + substitute + ")";
        }
        break;
    case ViewKind::room:
        out = who_for + " " + subject + " " + (l.substitute_id ? substitute : teacher);
        break;
    }
    if (l.status == "cancelled") {
        out += " — отменён";
    } else if (l.substitute_id && !(kind == ViewKind::teacher && l.teacher_id == viewer)) {
        out += kind == ViewKind::teacher ? " (замена за " + teacher + ")" : " (замена)";
    }
    if (l.date != l.rule_date) {
        out += " (перенесён с " + domain::format_ru(*domain::parse_date(l.rule_date)) + ")";
    }
    return out;
}

report::Section grid(const std::string& key, const std::string& heading,
                     const std::vector<const store::LessonView*>& lessons, const Week& week,
                     ViewKind kind, const TimetableTargets& targets, std::int64_t viewer,
                     bool subject_names) {
    report::Section section;
    section.key = key;
    section.heading = heading;
    section.table.columns.push_back({"Урок", 5, report::Align::center});
    for (const Date& d : week.days) {
        int wd = static_cast<int>(std::chrono::weekday{sys_days{d}}.iso_encoding());
        char title[32];
        std::snprintf(title, sizeof title, "%s %02u.%02u", domain::weekday_short(wd),
                      static_cast<unsigned>(d.day()), static_cast<unsigned>(d.month()));
        section.table.columns.push_back({title, 24});
    }
    int first = 1, last = 0;
    for (const auto* l : lessons) {
        first = std::min(first, l->lesson_no);
        last = std::max(last, l->lesson_no);
    }
    for (int n = first; n <= last; ++n) {
        std::vector<report::Cell> row{std::int64_t{n}};
        for (const Date& d : week.days) {
            std::string iso = domain::format_iso(d), text;
            for (const auto* l : lessons) {
                if (l->date == iso && l->lesson_no == n) {
                    text += (text.empty() ? "" : " / ") + cell_text(*l, kind, targets, viewer, subject_names);
                }
            }
            row.emplace_back(text);
        }
        section.table.rows.push_back(std::move(row));
    }
    if (lessons.empty()) {
        section.notes.push_back("Уроков на этой неделе нет.");
    }
    return section;
}

}  // namespace

bool LessonFilter::matches(const store::LessonView& l) const {
    switch (kind) {
    case ViewKind::class_:
        return l.class_id == id || l.group_class_id == id;
    case ViewKind::teacher:
        return l.teacher_id == id || l.substitute_id == id;
    case ViewKind::room:
        return l.room == room;
    }
    return false;
}

report::Document week_timetable(Session& session, const ViewRequest& request) {
    SchoolCalendar calendar = load_school_calendar(session, request.week);
    store::Database& db = session.db();
    std::int64_t year_id = calendar.year.year_id;
    TimetableTargets targets(db, year_id);

    sys_days day{request.week};
    unsigned wd = std::chrono::weekday{day}.iso_encoding();
    Week week;
    week.monday = Date{day - days{wd - 1}};
    Date sunday = Date{sys_days{week.monday} + days{6}};
    auto lessons = store::lessons_between(db, year_id, domain::format_iso(week.monday),
                                          domain::format_iso(sunday));

    report::Document doc;
    doc.kind = "timetable";
    doc.title = "Расписание";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.orientation = report::Orientation::landscape;
    bool in_year = calendar.year.dates.start <= request.week && request.week <= calendar.year.dates.end;
    std::string week_text = domain::format_ru(week.monday) + "–" +
                            domain::format_ru(sunday) +
                            (in_year ? (domain::is_week_a(calendar.week_a, request.week) ? " (А)"
                                                                                          : " (Б)")
                                     : "");
    doc.meta.push_back({"Учебный год", calendar.year.name});
    doc.meta.push_back({"Неделя", week_text});

    for (int i = 0; i < 7; ++i) {
        Date d = Date{sys_days{week.monday} + days{i}};
        std::string iso = domain::format_iso(d);
        bool has = std::any_of(lessons.begin(), lessons.end(),
                               [&](const auto& l) { return l.date == iso; });
        if (i < 5 || has) {
            week.days.push_back(d);
        }
    }

    std::vector<LessonFilter> filters;
    std::vector<std::pair<std::string, std::string>> titles;  // key, heading
    switch (request.kind) {
    case ViewKind::class_:
        doc.section_key_title = "Класс";
        if (request.who.empty()) {
            for (const auto& c : store::list_classes(db, year_id)) {
                filters.push_back({ViewKind::class_, c.id, ""});
                titles.push_back({c.name(), "Класс " + c.name()});
            }
        }
        for (const auto& text : request.who) {
            ClassRef c = select_class(session, text);
            filters.push_back({ViewKind::class_, c.id, ""});
            titles.push_back({c.name, "Класс " + c.name});
        }
        break;
    case ViewKind::teacher: {
        doc.section_key_title = "Учитель";
        std::vector<std::int64_t> ids;
        if (request.who.empty()) {
            std::set<std::int64_t> seen;
            for (const auto& l : lessons) {
                for (auto id : {std::optional<std::int64_t>{l.teacher_id}, l.substitute_id}) {
                    if (id && seen.insert(*id).second) {
                        ids.push_back(*id);
                    }
                }
            }
        }
        for (const auto& text : request.who) {
            ids.push_back(select_staff(session, text).person_id);
        }
        std::vector<std::pair<domain::PersonName, std::int64_t>> named;
        for (auto id : ids) {
            named.push_back({store::person_name(db, id).value_or(domain::PersonName{}), id});
        }
        if (request.who.empty()) {
            std::stable_sort(named.begin(), named.end(), [](const auto& a, const auto& b) {
                return domain::compare_names(a.first, b.first) < 0;
            });
        }
        for (const auto& [name, id] : named) {
            filters.push_back({ViewKind::teacher, id, ""});
            titles.push_back({domain::full_name(name), domain::full_name(name)});
        }
        break;
    }
    case ViewKind::room:
        doc.section_key_title = "Кабинет";
        std::vector<std::string> rooms;
        for (const auto& text : request.who) {
            rooms.push_back(select_room(session, text));
        }
        if (request.who.empty()) {
            std::set<std::string> seen;
            for (const auto& l : lessons) {
                if (!l.room.empty()) {
                    seen.insert(l.room);
                }
            }
            rooms.assign(seen.begin(), seen.end());
        }
        for (const auto& r : rooms) {
            filters.push_back({ViewKind::room, 0, r});
            titles.push_back({r, "Кабинет " + r});
        }
        break;
    }
    for (std::size_t i = 0; i < filters.size(); ++i) {
        std::vector<const store::LessonView*> mine;
        for (const auto& l : lessons) {
            if (filters[i].matches(l)) {
                mine.push_back(&l);
            }
        }
        doc.sections.push_back(grid(titles[i].first, titles[i].second + ", неделя " + week_text, mine,
                                    week, request.kind, targets, filters[i].id,
                                    request.subject_names));
    }
    return doc;
}

}  // namespace schoolctl::app
