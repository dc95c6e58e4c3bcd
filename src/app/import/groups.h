#pragma once
// `schoolctl import groups`: subgroups of a class, streams and electives of the current
// academic year, and (when the file has the column) exactly who is in each.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_group_importer();

}  // namespace schoolctl::app
