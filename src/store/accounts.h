#pragma once
// Accounts, their role grants and their tokens.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/permissions.h"
#include "store/database.h"

namespace schoolctl::store {

struct AccountRow {
    std::int64_t id = 0;
    std::string login;
    std::optional<std::string> password_hash;
    bool must_change_password = false;
    std::string status;  // active | pending | disabled
    std::optional<std::int64_t> person_id;
};

struct GrantRow {
    domain::Role role = domain::Role::student;
    std::optional<std::int64_t> school_id;  // nullopt: every school
    std::string scope_kind;                 // all | school | class | subject | child
    std::int64_t scope_id = 0;
};

struct NewAccount {
    std::string login;
    std::optional<std::string> password_hash;
    bool must_change_password = false;
    std::optional<std::int64_t> person_id;
};

std::int64_t insert_account(Database& db, const NewAccount& account, const std::string& now);
std::optional<AccountRow> find_account_by_login(Database& db, const std::string& login);
std::optional<AccountRow> find_account(Database& db, std::int64_t id);
void set_password(Database& db, std::int64_t account_id, const std::string& hash,
                  bool must_change);
void record_login(Database& db, std::int64_t account_id, const std::string& now);

void insert_grant(Database& db, std::int64_t account_id, const GrantRow& grant,
                  const std::string& now);
std::vector<GrantRow> grants_of(Database& db, std::int64_t account_id);

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

}  // namespace schoolctl::store
