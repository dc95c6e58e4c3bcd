#pragma once
// A generated school's roster and timetable as the files `schoolctl import` reads: the headers
// and values of samples/*.csv ("CSV UTF-8": BOM, ';', CRLF, DD.MM.YYYY), and the pupils as a
// workbook with birth dates as date cells.
#include "app/sample/roster.h"
#include "app/sample/teaching_load.h"
#include "app/sample/timetable.h"
#include "report/document.h"

#include <string>

namespace schoolctl::app::sample {

std::string subjects_csv();
std::string staff_csv(const TeachingLoad& load);
std::string classes_csv(const Roster& roster, const TeachingLoad& load);
std::string students_csv(const Roster& roster);
std::string guardians_csv(const Roster& roster);
std::string groups_csv(const Roster& roster);
// Class teachers first, then who teaches which subject to which class or subgroup, in the
// order of the timetable.
std::string assignments_csv(const Roster& roster, const TeachingLoad& load,
                            const Timetable& timetable);
std::string timetable_csv(const Roster& roster, const TeachingLoad& load,
                          const Timetable& timetable);
// The pupils as one sheet «students» with the header of students.csv in its first row.
report::Document students_document(const Roster& roster);
// Every room a teacher teaches in: numbered rooms first, then the gyms and workshops.
std::vector<std::string> rooms(const TeachingLoad& load);

} // namespace schoolctl::app::sample
