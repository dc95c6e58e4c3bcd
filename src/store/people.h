#pragma once
// People of a school whatever their role: the fields every roster keeps, lookups by the
// external id every file may carry, and what happens to their accounts when they leave.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct PersonFields {
    std::string last_name;
    std::string first_name;
    std::string middle_name;
    std::optional<std::string> birth_date;  // ISO
    std::optional<std::string> external_id;
    std::string match_key;
};

// The roles a person already has in the school; one person may be staff and a guardian.
struct PersonRoles {
    std::int64_t id = 0;
    bool pupil = false;
    bool guardian = false;
    bool staff = false;
    std::string full_name;

    // "a pupil", "a guardian", "a staff member" — for messages about an id already taken.
    std::string role_text() const;
};

std::optional<PersonRoles> find_person_by_external_id(Database& db, std::int64_t school_id,
                                                      const std::string& external_id);

std::int64_t insert_person(Database& db, std::int64_t school_id, const PersonFields& person,
                           const std::string& now);
void update_person(Database& db, std::int64_t person_id, const PersonFields& person,
                   const std::string& now);

// Disables the person's accounts (no login, no activation code) and revokes their tokens at
// `now`; returns how many accounts were disabled.
int disable_accounts_of(Database& db, std::int64_t person_id, const std::string& now);

}  // namespace schoolctl::store
