#pragma once
// Accounts as the school office sees them: whose they are (pupil, guardian, staff), which
// classes they belong to, and their state.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

struct AccountListingRow {
    std::int64_t id = 0;
    std::string login;
    std::string status;  // active | pending | disabled
    std::optional<std::string> locked_at;
    std::optional<std::string> last_login_at;
    std::optional<std::string> activation_expires_at;
    std::optional<domain::PersonName> name;  // none for the administrator made by init
    std::vector<std::string> kinds;          // student, guardian, staff; empty: other
    std::vector<std::string> classes;        // a pupil's class, a guardian's children's classes
};

// Accounts of people of the school and accounts without a person, by login. With `class_id`,
// only the class's pupils and their guardians (on `today`).
std::vector<AccountListingRow> list_accounts(Database& db, std::int64_t school_id,
                                             std::optional<std::int64_t> class_id,
                                             const std::string& today);

}  // namespace schoolctl::store
