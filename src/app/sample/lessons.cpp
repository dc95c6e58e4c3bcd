#include "app/sample/lessons.h"

#include "app/sample/school_year.h"
#include "domain/lesson_dates.h"
#include "domain/periodicity.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

namespace schoolctl::app::sample {

std::vector<DatedLesson> dated_lessons(const Roster& roster, const Timetable& timetable,
                                       const domain::Settings& settings,
                                       const domain::DateRange& range) {
    using std::chrono::sys_days;
    const domain::StudyCalendar calendar = study_calendar(settings);
    std::map<int, std::unique_ptr<domain::StudyDays>> by_grade;
    std::vector<DatedLesson> out;
    const sys_days first{range.start};
    for (const auto& row : timetable.rows) {
        const int grade = roster.classes[static_cast<std::size_t>(row.klass)].grade;
        auto& days = by_grade[grade];
        if (!days) {
            days = std::make_unique<domain::StudyDays>(calendar, grade, range.start, range.end);
        }
        domain::RuleDates rule;
        rule.weekday = row.day;
        rule.valid_from =
            row.from.empty() ? settings.year_dates->start : *domain::parse_date(row.from);
        rule.valid_to = row.to.empty() ? settings.year_dates->end : *domain::parse_date(row.to);
        rule.periodicity = std::get<domain::Periodicity>(
            domain::parse_periodicity(row.periodicity.empty() ? "weekly" : row.periodicity));
        rule.week_anchor = *settings.week_a;
        for (const auto& date : domain::lesson_dates(rule, *days)) {
            out.push_back({static_cast<int>((sys_days{date} - first).count()), row.lesson,
                           row.klass, row.group, row.subject});
        }
    }
    std::sort(out.begin(), out.end(), [](const DatedLesson& a, const DatedLesson& b) {
        return std::tie(a.day, a.klass, a.lesson, a.group) <
               std::tie(b.day, b.klass, b.lesson, b.group);
    });
    return out;
}

} // namespace schoolctl::app::sample
