#pragma once
// Accounts, their activation codes, lockouts, role grants and tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "domain/access.h"
#include "store/database.h"

namespace schoolctl::store {

struct AccountRow {
    std::int64_t id = 0;
    std::string login;
    std::optional<std::string> password_hash;
    bool must_change_password = false;
    std::string status;  // active | pending (activation code issued) | disabled
    std::optional<std::int64_t> person_id;
    std::optional<std::string> activation_hash;
    std::optional<std::string> activation_expires_at;
    int failed_logins = 0;
    std::optional<std::string> locked_at;
    std::string created_at;
    std::optional<std::string> last_login_at;
};

struct NewAccount {
    std::string login;
    std::optional<std::string> password_hash;
    bool must_change_password = false;
    std::optional<std::int64_t> person_id;
    std::string status = "active";
    std::optional<std::string> activation_hash;
    std::optional<std::string> activation_expires_at;
};

std::int64_t insert_account(Database& db, const NewAccount& account, const std::string& now);
std::optional<AccountRow> find_account_by_login(Database& db, const std::string& login);
std::optional<AccountRow> find_account(Database& db, std::int64_t id);
std::optional<AccountRow> find_account_of_person(Database& db, std::int64_t person_id);
// Every login in use, to pick new ones that do not clash.
std::unordered_set<std::string> all_logins(Database& db);

void set_password(Database& db, std::int64_t account_id, const std::string& hash,
                  bool must_change);
// A new activation code: the account becomes pending, its password and lock are cleared.
void set_activation(Database& db, std::int64_t account_id, const std::string& code_hash,
                    const std::string& expires_at);
// The code was used: the password is set, the account active, the code gone.
void activate(Database& db, std::int64_t account_id, const std::string& password_hash);
void record_login(Database& db, std::int64_t account_id, const std::string& now);
// One more failed attempt; returns the count of consecutive failures.
int record_failed_login(Database& db, std::int64_t account_id);
void lock_account(Database& db, std::int64_t account_id, const std::string& now);
void unlock_account(Database& db, std::int64_t account_id);
// Disabled accounts cannot log in or activate; their tokens are revoked.
void disable_account(Database& db, std::int64_t account_id, const std::string& now);

struct StoredGrant {
    std::int64_t id = 0;
    domain::Grant grant;
};

// False if the account already holds exactly this grant.
bool insert_grant(Database& db, std::int64_t account_id, const domain::Grant& grant,
                  const std::string& now);
// Number of grants removed (0 or 1).
int delete_grant(Database& db, std::int64_t account_id, const domain::Grant& grant);
std::vector<StoredGrant> grants_of(Database& db, std::int64_t account_id);

struct TokenRow {
    std::int64_t id = 0;
    std::int64_t account_id = 0;
    std::string kind;  // session | script
    std::string name;
    std::optional<std::string> expires_at;
    std::optional<std::string> revoked_at;
};

struct NewToken {
    std::int64_t account_id = 0;
    std::string kind;
    std::string name;
    std::string hash;
    std::optional<std::string> expires_at;
};

struct TokenListing {
    TokenRow token;
    std::string login;
    std::string created_at;
};

// Every token that is neither revoked nor expired at `now`, oldest first.
std::vector<TokenListing> list_live_tokens(Database& db, const std::string& now);

std::int64_t insert_token(Database& db, const NewToken& token, const std::string& now);
std::optional<TokenRow> find_token(Database& db, const std::string& hash);
std::optional<TokenRow> find_token_by_id(Database& db, std::int64_t id);
void revoke_token(Database& db, std::int64_t token_id, const std::string& now);
// Revokes every live token of an account; returns how many.
int revoke_tokens_of(Database& db, std::int64_t account_id, const std::string& now);

}  // namespace schoolctl::store
