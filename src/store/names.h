#pragma once
// The names of things referred to by id, for messages and listings.
#include <cstdint>
#include <optional>
#include <string>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

std::optional<std::string> school_name(Database& db, std::int64_t school_id);
std::optional<std::string> class_name(Database& db, std::int64_t class_id);  // «5А»
std::optional<std::string> group_name(Database& db, std::int64_t group_id);
std::optional<std::string> subject_name(Database& db, std::int64_t subject_id);
std::optional<domain::PersonName> person_name(Database& db, std::int64_t person_id);

}  // namespace schoolctl::store
