#pragma once
// `schoolctl import guardians`: parents and carers, linked to their children by the children's
// ids («Дети»: S-0001, S-0002) or by a family key shared with the pupils file («Семья»).
// Contacts shared with another guardian are reported, never used to link on their own.
#include <memory>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::unique_ptr<RowImporter> make_guardian_importer();

}  // namespace schoolctl::app
