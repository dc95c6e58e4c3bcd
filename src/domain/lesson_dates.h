#pragma once
// The dates a timetable rule gives lessons on, for one grade: the grade's study days (from the
// study calendar) that follow the rule's weekday's timetable — a moved working Saturday follows
// the weekday it works as — inside the rule's dates, in the rule's weeks. Pure: the same inputs
// always give the same dates, and each date is decided on its own, never by stepping from the
// one before.
#include <map>
#include <vector>

#include "domain/date.h"
#include "domain/periodicity.h"
#include "domain/study_calendar.h"

namespace schoolctl::domain {

// A grade's study days in [from, to], by the weekday (1–7) whose timetable each follows.
class StudyDays {
public:
    StudyDays(const StudyCalendar& calendar, int grade, const Date& from, const Date& to);
    const std::vector<Date>& following(int weekday) const;

private:
    std::map<int, std::vector<Date>> by_weekday_;
};

std::vector<Date> lesson_dates(const RuleDates& rule, const StudyDays& days);

}  // namespace schoolctl::domain
