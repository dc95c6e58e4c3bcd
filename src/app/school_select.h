#pragma once
// Which school a command acts on when one database holds several.
#include <optional>
#include <string>

#include "store/database.h"
#include "store/schools.h"

namespace schoolctl::app {

// `selector` matches a school's id, external id, name or short name. Without one, the database's
// only school; with several and no selector, a usage error (64) listing them.
store::SchoolRow select_school(store::Database& db, const std::optional<std::string>& selector);

}  // namespace schoolctl::app
