#include "app/reports/substitutions.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "app/school_calendar.h"
#include "app/timetable_targets.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/timetable.h"
#include "util/clock.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using store::LessonView;

}  // namespace

report::Document build_substitutions_report(Session& session, std::chrono::year_month month) {
    session.require(domain::Permission::report_read);
    Date first = month / std::chrono::day{1};
    Date last = month / std::chrono::last;
    SchoolCalendar calendar = load_school_calendar(session, month / std::chrono::day{15});
    store::Database& db = session.db();
    std::int64_t year_id = calendar.year.year_id;
    TimetableTargets targets(db, year_id);
    const std::string from = domain::format_iso(first), to = domain::format_iso(last);
    auto lessons = store::lessons_between(db, year_id, from, to);
    std::map<std::int64_t, std::string> reasons;
    for (auto& [id, reason] : store::latest_change_reasons(db, year_id, from, to)) {
        reasons[id] = reason;
    }

    report::Document doc;
    doc.kind = "substitutions";
    doc.title = "Замены и отменённые уроки";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    char month_text[16];
    std::snprintf(month_text, sizeof month_text, "%02u.%04d",
                  static_cast<unsigned>(month.month()), static_cast<int>(month.year()));
    doc.meta.push_back({"Месяц", month_text});
    doc.meta.push_back({"Учебный год", calendar.year.name});
    doc.section_key_title = "Раздел";

    // Hours by substitute, in Russian alphabetical order.
    struct Hours {
        domain::PersonName name;
        std::int64_t hours = 0;
        std::set<std::string> classes;
    };
    std::map<std::int64_t, Hours> by_teacher;
    report::Section details;
    details.key = details.heading = "Замены";
    details.table.columns = {{"Дата", 11}, {"Урок", 5, report::Align::center}, {"Класс", 12},
                             {"Предмет", 20}, {"Заменял(а)", 20}, {"По расписанию", 20},
                             {"Причина", 20}};
    report::Section cancelled;
    cancelled.key = "Отменены";
    cancelled.heading = "Отменённые уроки";
    cancelled.table.columns = {{"Дата", 11}, {"Урок", 5, report::Align::center}, {"Класс", 12},
                               {"Предмет", 20}, {"Учитель", 20}, {"Причина", 20}};
    for (const auto& l : lessons) {
        Date date = *domain::parse_date(l.date);
        std::string reason = reasons.count(l.id) ? reasons[l.id] : "";
        if (l.status == "cancelled") {
            cancelled.table.rows.push_back({date, std::int64_t{l.lesson_no}, targets.of(l).name,
                                            l.subject_name, domain::short_name(l.teacher),
                                            reason});
            continue;
        }
        if (!l.substitute_id) {
            continue;
        }
        Hours& h = by_teacher[*l.substitute_id];
        h.name = l.substitute;
        ++h.hours;
        h.classes.insert(targets.of(l).name);
        details.table.rows.push_back({date, std::int64_t{l.lesson_no}, targets.of(l).name,
                                      l.subject_name, domain::short_name(l.substitute),
                                      domain::short_name(l.teacher), reason});
    }
    std::vector<const Hours*> order;
    for (const auto& [id, h] : by_teacher) {
        order.push_back(&h);
    }
    std::stable_sort(order.begin(), order.end(), [](const Hours* a, const Hours* b) {
        return domain::compare_names(a->name, b->name) < 0;
    });
    report::Section summary;
    summary.key = "Часы";
    summary.heading = "Часы замен по учителям";
    summary.table.columns = {{"Учитель", 30}, {"Часов", 7, report::Align::right}, {"Классы", 30}};
    std::int64_t total = 0;
    for (const Hours* h : order) {
        std::string classes;
        for (const auto& c : h->classes) {
            classes += (classes.empty() ? "" : ", ") + c;
        }
        summary.table.rows.push_back({domain::full_name(h->name), h->hours, classes});
        total += h->hours;
    }
    summary.notes.push_back("Всего часов замен: " + std::to_string(total) +
                            "; отменено уроков: " + std::to_string(cancelled.table.rows.size()) +
                            ".");
    if (details.table.rows.empty()) {
        details.notes.push_back("Замен не было.");
    }
    if (cancelled.table.rows.empty()) {
        cancelled.notes.push_back("Отменённых уроков нет.");
    }
    doc.sections.push_back(std::move(summary));
    doc.sections.push_back(std::move(details));
    doc.sections.push_back(std::move(cancelled));
    return doc;
}

}  // namespace schoolctl::app
