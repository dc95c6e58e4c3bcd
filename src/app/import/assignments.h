#pragma once
// `schoolctl import assignments`: who teaches which subject in which class or group (the
// teaching load), and who is class teacher of which class.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_assignment_importer();

}  // namespace schoolctl::app
