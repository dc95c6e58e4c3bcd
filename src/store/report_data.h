#pragma once
// What the period reports read in bulk: who was in which class between which dates (with their
// names), and every absence or lateness of a date range. One query each, so a report of the
// whole school reads the roster and the attendance once, not once per class or pupil.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

// A pupil's time in a class of the year that overlaps the dates.
struct RollRow {
    std::int64_t pupil_id = 0;
    std::int64_t class_id = 0;
    std::string from_date;               // ISO, the first day in the class
    std::optional<std::string> to_date;  // the last day in it; none while still there
    domain::PersonName name;
    std::string external_id;  // "" when none
};

// A period, year, exam or final mark as the forms show it: the override when there is one, else
// the computed mark.
struct FinalValueRow {
    std::int64_t pupil_id = 0;
    std::int64_t subject_id = 0;
    std::string period;  // Q1, year, exam, final
    std::string value;
};

// Every such mark of the year that is not empty, in no promised order. One pass over the table:
// the forms want a few periods, and reading each apart walks the whole year's rows again.
std::vector<FinalValueRow> final_values(Database& db, std::int64_t year_id);

// By class, then pupil, then start date.
std::vector<RollRow> class_rolls(Database& db, std::int64_t year_id, const std::string& from,
                                 const std::string& to);

// An absence or lateness in a lesson of the year dated in the range.
struct AbsenceRow {
    std::int64_t pupil_id = 0;
    std::int64_t lesson_id = 0;
    std::string date;  // ISO
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::string code;  // unexcused | excused | ill | late
};

// By pupil, date and lesson number.
std::vector<AbsenceRow> absences_between(Database& db, std::int64_t year_id,
                                         const std::string& from, const std::string& to);

// Who teaches a subject to a class or a group in the year, from the timetable's rules in the
// dates (a rule valid at some time between them); each triple once.
struct TeachingRow {
    std::int64_t teacher_id = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // a whole class, or
    std::optional<std::int64_t> group_id;  // a group
    domain::PersonName teacher;
};

// By teacher name order is left to the caller; rows by teacher id, subject, class, group.
std::vector<TeachingRow> teaching_between(Database& db, std::int64_t year_id,
                                          const std::string& from, const std::string& to);

// A pupil in a group of the year on a date.
std::vector<std::pair<std::int64_t, std::int64_t>> group_members_on(Database& db,
                                                                   std::int64_t year_id,
                                                                   const std::string& date);

}  // namespace schoolctl::store
