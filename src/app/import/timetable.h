#pragma once
// `schoolctl import timetable`: the rules of the timetable — class or group, subject, teacher,
// room, weekday, lesson №, periodicity, valid from/to — from CSV, XLSX or TOML. A rule is matched
// again by its class or group, weekday, lesson, subject, periodicity and start date; its
// teacher, room and end date are what an import may change. Rows that clash (one class, two
// lessons at once) are refused, each with its line. Permission timetable.write.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_timetable_importer();

}  // namespace schoolctl::app
