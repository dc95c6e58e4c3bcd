#pragma once
// Rules of one class or group that give it two lessons at once: the same weekday and lesson
// number, valid on a common date, with periodicities that meet (weekly and A weeks meet; A and
// B weeks never do). Found after the whole file is applied, so the order of rows never matters:
// a rule ended on 10.01 and its successor from 11.01 may come in either order.
#include <cstddef>
#include <utility>
#include <vector>

#include "app/import/pipeline.h"
#include "app/timetable_targets.h"
#include "domain/date.h"

namespace schoolctl::app {

// Each clash that involves a rule of this file, on the line of that rule.
std::vector<std::pair<std::size_t, RowProblem>> timetable_clashes(ImportRun& run,
                                                                 const TimetableTargets& targets,
                                                                 const domain::Date& week_a);

}  // namespace schoolctl::app
