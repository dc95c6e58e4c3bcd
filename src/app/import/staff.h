#pragma once
// `schoolctl import staff`: teachers and everyone else who works at the school, with their
// position and the subjects they can teach. --mode sync marks staff the file omits as left.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_staff_importer();

}  // namespace schoolctl::app
