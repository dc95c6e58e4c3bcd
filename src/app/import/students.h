#pragma once
// `schoolctl import students`: pupils and their classes. Matched by the id column when the file
// has one, else by name + birth date; --mode sync marks pupils the file no longer names as left.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_student_importer();

}  // namespace schoolctl::app
