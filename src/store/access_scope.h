#pragma once
// The roster as access data: the grants a person holds by being a pupil, a guardian, a teacher
// or a class teacher, and the class and groups a pupil is in for a permission check. Derived on
// every check rather than stored, so a class move or a new teaching assignment takes effect at
// once and a pupil who left takes their guardians' access with them.
#include <cstdint>
#include <string>
#include <vector>

#include "domain/access.h"
#include "store/database.h"

namespace schoolctl::store {

// Grants that follow from the roster on `today` (ISO date): student for themselves, guardian for
// each linked child who has not left, teacher for each current teaching assignment, class
// teacher for each class led. Nothing for a person who has left.
std::vector<domain::Grant> roster_grants_of(Database& db, std::int64_t person_id,
                                            const std::string& today);

// Whether the person still belongs to the school: a pupil or member of staff who has not left,
// or a guardian of such a pupil.
bool is_current_member(Database& db, std::int64_t person_id);

// A pupil as a permission target: school, current class and groups on `today`.
domain::Target pupil_target(Database& db, std::int64_t pupil_id, const std::string& today);

}  // namespace schoolctl::store
