#pragma once
// `schoolctl import subjects`: code, name and grading scale; matched by code.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_subject_importer();

}  // namespace schoolctl::app
