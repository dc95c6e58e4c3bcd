#pragma once
// The dated lessons a generated timetable gives in a range of days, as `schedule generate`
// will make them from the imported files: each row's dates come from the study calendar of
// the class's grade and the row's weekday, periodicity and validity (domain::lesson_dates).
#include "app/sample/roster.h"
#include "app/sample/timetable.h"
#include "domain/settings.h"

#include <vector>

namespace schoolctl::app::sample {

struct DatedLesson {
    int day = 0; // days since the range's first day
    int lesson = 1;
    int klass = 0;
    int group = -1;
    int subject = 0;
};

// Sorted by day, class, lesson number and group.
std::vector<DatedLesson> dated_lessons(const Roster& roster, const Timetable& timetable,
                                       const domain::Settings& settings,
                                       const domain::DateRange& range);

} // namespace schoolctl::app::sample
