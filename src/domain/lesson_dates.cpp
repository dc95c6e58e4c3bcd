#include "domain/lesson_dates.h"

namespace schoolctl::domain {

StudyDays::StudyDays(const StudyCalendar& calendar, int grade, const Date& from, const Date& to) {
    using std::chrono::days;
    using std::chrono::sys_days;
    for (sys_days d = sys_days{from}; d <= sys_days{to}; d += days{1}) {
        DayVerdict verdict = study_day(calendar, Date{d}, grade);
        if (verdict.study()) {
            by_weekday_[verdict.timetable_weekday].push_back(Date{d});
        }
    }
}

const std::vector<Date>& StudyDays::following(int weekday) const {
    static const std::vector<Date> none;
    auto it = by_weekday_.find(weekday);
    return it == by_weekday_.end() ? none : it->second;
}

std::vector<Date> lesson_dates(const RuleDates& rule, const StudyDays& days) {
    std::vector<Date> out;
    for (const Date& d : days.following(rule.weekday)) {
        if (rule.valid_from <= d && d <= rule.valid_to && occurs_on(rule, d, rule.weekday)) {
            out.push_back(d);
        }
    }
    return out;
}

}  // namespace schoolctl::domain
