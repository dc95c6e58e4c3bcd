#pragma once
// The school's study calendar for one academic year, read from the database: which days each
// grade studies, which weeks are A and B, which bells ring. `calendar show` prints a month of it;
// the schedule expands timetable rules against it.
#include <chrono>
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/periodicity.h"
#include "domain/study_calendar.h"
#include "report/document.h"
#include "store/calendar.h"
#include "store/timetable.h"

namespace schoolctl::app {

struct SchoolCalendar {
    store::YearCalendar year;
    domain::StudyCalendar study;
    domain::Date week_a;  // a day of week A: academic_year.week_a, else the year's first day
};

SchoolCalendar school_calendar(store::YearCalendar year);

// A stored rule's dates, weeks counted from week A. The rule's text was checked on the way in.
domain::RuleDates rule_dates(const store::RuleRow& rule, const domain::Date& week_a);

// The academic year containing `day` (else the latest); exit 78 when the school has none.
SchoolCalendar load_school_calendar(Session& session, const domain::Date& day);

// One month, a row a day: the date, the weekday, week A or B, which grades study and why the
// others do not, and the timetable a moved working day follows. With `grade`, only that grade.
report::Document calendar_month(const SchoolCalendar& calendar, std::chrono::year_month month,
                                std::optional<int> grade, const std::string& school_name);

}  // namespace schoolctl::app
