#pragma once
// Guardians (parents, grandparents, carers) and the children each is linked to.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/people.h"

namespace schoolctl::store {

struct GuardianRow {
    std::int64_t person_id = 0;
    PersonFields person;
    std::string phone;
    std::string email;
};

std::optional<GuardianRow> find_guardian_by_external_id(Database& db, std::int64_t school_id,
                                                        const std::string& external_id);
// Guardians with this name key: the natural key when a file has no id column.
std::vector<GuardianRow> find_guardians_by_name(Database& db, std::int64_t school_id,
                                                const std::string& match_key);
// Calls `visit(match_key, has_external_id)` for every guardian of the school, in one pass.
void for_each_guardian_name_key(
    Database& db, std::int64_t school_id,
    const std::function<void(std::string_view match_key, bool has_external_id)>& visit);
// Other guardians sharing a phone number or an e-mail address (a family's shared contact, or
// the same person entered twice under two spellings).
std::vector<GuardianRow> find_guardians_by_contact(Database& db, std::int64_t school_id,
                                                   const std::string& phone,
                                                   const std::string& email);

std::int64_t insert_guardian(Database& db, std::int64_t school_id, const PersonFields& person,
                             const std::string& phone, const std::string& email,
                             const std::string& now);
void update_guardian_contact(Database& db, std::int64_t person_id, const std::string& phone,
                             const std::string& email);

// Pupils (ids) the guardian is linked to.
std::vector<std::int64_t> children_of(Database& db, std::int64_t guardian_id);
void link_guardian(Database& db, std::int64_t guardian_id, std::int64_t pupil_id,
                   const std::string& relation);

bool is_guardian(Database& db, std::int64_t school_id, std::int64_t person_id);
// The relation of an existing link («мать»), or nullopt if they are not linked.
std::optional<std::string> link_relation(Database& db, std::int64_t guardian_id,
                                         std::int64_t pupil_id);
// Number of links removed (0 or 1).
int unlink_guardian(Database& db, std::int64_t guardian_id, std::int64_t pupil_id);
// Pupils by external id or by family key: what a guardians file names children by.
std::optional<std::int64_t> find_pupil_id(Database& db, std::int64_t school_id,
                                          const std::string& external_id);
std::vector<std::int64_t> pupils_of_family(Database& db, std::int64_t school_id,
                                           const std::string& family_key);

}  // namespace schoolctl::store
