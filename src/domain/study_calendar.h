#pragma once
// Which days a grade studies, and why not on the others. The inputs are the academic year, the
// school's holidays, the government's production calendar (public holidays, days off moved onto
// weekdays, weekend days that work with another weekday's timetable) and the week length.
//
// One verdict per (date, grade), decided by the first rule that applies:
//   1. outside the academic year                → «вне учебного года»
//   2. a school holiday that covers the grade   → «каникулы: <name>»
//   3. a production-calendar public holiday     → «праздник: <name>»
//      or a day off moved onto a weekday        → «выходной» (with «: <name>» when named)
//   4. a production-calendar working day        → study, with the timetable of `works_as`
//   5. a weekend day for the grade's week       → «выходной» (Sunday; Saturday for a 5-day week)
//   6. otherwise                                → study, with the day's own timetable
// So a moved working Saturday inside the school holidays is not a study day: holidays are the
// school's own decision and pupils are on holiday whatever the labour calendar says.
#include "domain/date.h"
#include "domain/settings.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::domain {

struct StudyCalendar {
    DateRange year;
    std::vector<Holiday> holidays;
    std::vector<ProductionDay> production;
    int default_week = 5;             // study days a week: 5 or 6
    std::map<int, int> week_by_grade; // grade → 5 or 6, overriding the default
};

enum class DayKind { study, outside_year, school_holiday, public_holiday, day_off, weekend };

struct DayVerdict {
    DayKind kind = DayKind::outside_year;
    int timetable_weekday = 0; // study days: 1 = Monday … 7 = Sunday; 0 otherwise
    std::string reason;        // why not a study day, in Russian for reports; empty on study days

    bool study() const { return kind == DayKind::study; }
};

// Study days a week for the grade: its own entry, else 5 for the 1st grade (SanPiN: always a
// 5-day week), else the default.
int week_length(const StudyCalendar& calendar, int grade);

DayVerdict study_day(const StudyCalendar& calendar, const Date& date, int grade);

// Everything that makes the calendar inconsistent, one message each, in input order: a year or
// holiday that ends before it starts, a holiday outside the year, holidays that overlap for a
// grade, grades outside 1–11, a date listed twice in the production calendar, works_as out of
// 1–7 or on a day that does not work, a working weekend day without works_as, a week length
// other than 5 or 6, a 6-day week for the 1st grade. Production days outside the academic year
// are fine: that calendar is imported per calendar year.
std::vector<std::string> calendar_problems(const StudyCalendar& calendar);

} // namespace schoolctl::domain
