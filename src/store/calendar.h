#pragma once
// An academic year's calendar as the database keeps it: periods, holidays, bell schedules, the
// production calendar and the week settings. What the schedule and the reports read.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.h"
#include "store/database.h"

namespace schoolctl::store {

struct YearCalendar {
    std::int64_t year_id = 0;
    std::string name;
    domain::DateRange dates;
    int days_per_week = 5;
    std::vector<int> five_day_grades;
    std::vector<int> six_day_grades;
    std::optional<domain::Date> week_a;
    std::vector<domain::AttestationPeriod> periods;
    std::vector<domain::Holiday> holidays;
    std::vector<domain::BellSchedule> bells;
    std::vector<domain::ProductionDay> production;
};

// Which parts of the calendar a write replaces; the year row itself is always written.
struct CalendarParts {
    bool periods = true;
    bool holidays = true;
    bool bells = true;
    bool production = true;
};

std::optional<std::int64_t> find_year(Database& db, std::int64_t school_id,
                                      const std::string& name);

// Creates the year (when `year_id` is empty) or updates it, and replaces the chosen parts.
// Returns the year's id.
std::int64_t write_year_calendar(Database& db, std::int64_t school_id,
                                 std::optional<std::int64_t> year_id, const YearCalendar& calendar,
                                 const CalendarParts& parts);

YearCalendar read_year_calendar(Database& db, std::int64_t year_id);

// Replaces the production days of the year between `from` and `to` (inclusive) by `days`.
void replace_production_days(Database& db, std::int64_t year_id, const domain::Date& from,
                             const domain::Date& to,
                             const std::vector<domain::ProductionDay>& days);

// The calendar fields of the configuration, as a year to write.
YearCalendar calendar_of(const domain::Settings& settings);

}  // namespace schoolctl::store

namespace schoolctl::store {

struct YearSpan {
    std::int64_t id = 0;
    std::string name;
    domain::DateRange dates;
};

// The school's academic years, earliest first.
std::vector<YearSpan> list_years(Database& db, std::int64_t school_id);

}  // namespace schoolctl::store
