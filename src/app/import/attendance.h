#pragma once
// `schoolctl attendance import`: absences and lateness from a journal export, one row per pupil
// per lesson: pupil, class (tells namesakes apart), subject, date, lesson № (when the subject
// comes twice that day), code, minutes late, note. A row is matched again by its lesson and
// pupil: the same file imported again changes nothing, a changed code is updated and the old one
// kept in attendance_changes, and «present» removes an absence. Permission attendance.write,
// checked for each row's lesson: a teacher imports only their own lessons.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_attendance_importer();

}  // namespace schoolctl::app
