#pragma once
// `schoolctl import classes`: the classes of the current academic year and their class
// teachers.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_class_importer();

}  // namespace schoolctl::app
