#pragma once
// Who may be issued credentials: the current pupils of a school or class, their guardians, the
// school's staff, each with their account if they have one.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/accounts.h"
#include "store/database.h"

namespace schoolctl::store {

struct ChildOf {
    std::int64_t pupil_id = 0;
    domain::PersonName name;
    std::string class_name;  // «5А», or empty if the pupil has no current class
};

struct CredentialPerson {
    std::int64_t person_id = 0;
    domain::PersonName name;
    std::string class_name;              // pupils: the current class
    std::string position;                // staff
    std::string email;                   // guardians: for mail merge
    std::vector<ChildOf> children;       // guardians: current children, by name
    std::vector<std::int64_t> guardians; // pupils: their guardians
    std::optional<AccountRow> account;
};

// Pupils who have not left, of the whole school or of one class on `today` (ISO date).
std::vector<CredentialPerson> pupils_for_credentials(Database& db, std::int64_t school_id,
                                                     std::optional<std::int64_t> class_id,
                                                     const std::string& today);
// Guardians of those pupils, each with all their current children in the school.
std::vector<CredentialPerson> guardians_for_credentials(Database& db, std::int64_t school_id,
                                                        std::optional<std::int64_t> class_id,
                                                        const std::string& today);
// Staff who have not left.
std::vector<CredentialPerson> staff_for_credentials(Database& db, std::int64_t school_id);

}  // namespace schoolctl::store
