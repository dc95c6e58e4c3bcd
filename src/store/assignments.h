#pragma once
// Who teaches what: a staff member, a subject, and the class or the group taught.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace schoolctl::store {

struct AssignmentKey {
    std::int64_t staff_id = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // exactly one of class and group
    std::optional<std::int64_t> group_id;
};

std::optional<std::int64_t> find_assignment(Database& db, const AssignmentKey& key);
std::int64_t insert_assignment(Database& db, const AssignmentKey& key);

}  // namespace schoolctl::store
