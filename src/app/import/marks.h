#pragma once
// `schoolctl marks import`: marks from CSV, XLSX or TOML — pupil, class (to tell namesakes
// apart), subject, date, lesson №, value, work type, comment. Each row finds the pupil's lesson
// of the subject that day and is checked as a mark given by hand (marks.write on that lesson,
// the edit window, locked periods, the subject's scale). A row's place is its lesson, pupil,
// work type and its ordinal among the file's rows with those three, so the same file imported
// again changes nothing and a changed value is a correction with its history row.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_marks_importer();

}  // namespace schoolctl::app
