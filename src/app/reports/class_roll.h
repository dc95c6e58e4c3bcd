#pragma once
// Who was in a class during a report's dates, in alphabetical order, with when each pupil
// arrived or left: the rows of a class's forms and the headcount of its report.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/date.h"
#include "domain/settings.h"
#include "domain/person_name.h"
#include "store/report_data.h"

namespace schoolctl::app {

struct RollPupil {
    std::int64_t pupil_id = 0;
    domain::PersonName name;
    std::string external_id;
    domain::Date from;  // the first day in the class within the dates
    domain::Date to;    // the last day in it within the dates
    bool at_start = false;  // in the class on the first day of the dates
    bool at_end = false;    // in the class on the last day: a pupil who left is out of N
};

struct ClassRoll {
    std::vector<RollPupil> pupils;  // alphabetical (ё as е)
    int at_start = 0;
    int arrived = 0;  // came during the dates
    int left = 0;     // left during the dates
    int at_end = 0;
};

// From the rows of `store::class_rolls`: the class's pupils between the dates. A pupil who left
// and came back is one row, from the first day to the last.
ClassRoll class_roll(const std::vector<store::RollRow>& rows, std::int64_t class_id,
                     const domain::DateRange& dates);

}  // namespace schoolctl::app
