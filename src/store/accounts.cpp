#include "store/accounts.h"

#include "store/migrations.h"
#include "util/error.h"

namespace schoolctl::store {
namespace {

constexpr const char* account_columns =
    "SELECT id, login, password_hash, must_change_password, status, person_id, activation_hash, "
    "activation_expires_at, failed_logins, locked_at, created_at, last_login_at FROM accounts ";

// Logging in works on an older database (it is how an administrator gets to `db migrate`), and
// before schema 5 accounts had no activation or lockout columns and grants no scope references.
constexpr int accounts_schema = 5;
constexpr const char* legacy_account_columns =
    "SELECT id, login, password_hash, must_change_password, status, person_id, NULL, NULL, 0, "
    "NULL, created_at, last_login_at FROM accounts ";

bool legacy(Database& db) { return schema_version(db) < accounts_schema; }

std::string account_query(Database& db, const char* where) {
    return std::string(legacy(db) ? legacy_account_columns : account_columns) + where;
}

AccountRow read_account(const Statement& st) {
    AccountRow a;
    a.id = st.get_int(0);
    a.login = st.get_text(1);
    a.password_hash = st.get_optional_text(2);
    a.must_change_password = st.get_int(3) != 0;
    a.status = st.get_text(4);
    a.person_id = st.get_optional_int(5);
    a.activation_hash = st.get_optional_text(6);
    a.activation_expires_at = st.get_optional_text(7);
    a.failed_logins = static_cast<int>(st.get_int(8));
    a.locked_at = st.get_optional_text(9);
    a.created_at = st.get_text(10);
    a.last_login_at = st.get_optional_text(11);
    return a;
}

std::optional<AccountRow> one_account(Statement& st) {
    return st.step() == Step::row ? std::optional(read_account(st)) : std::nullopt;
}

constexpr const char* token_columns =
    "SELECT id, account_id, kind, name, expires_at, revoked_at FROM tokens ";

// Columns 0..5 in the order of token_columns.
TokenRow read_token(const Statement& st) {
    return {st.get_int(0),  st.get_int(1),           st.get_text(2),
            st.get_text(3), st.get_optional_text(4), st.get_optional_text(5)};
}

void update_account(Database& db, const char* sql, std::int64_t account_id) {
    Statement st = db.prepare(sql);
    st.bind(1, account_id);
    st.run();
}

}  // namespace

std::int64_t insert_account(Database& db, const NewAccount& a, const std::string& now) {
    if (find_account_by_login(db, a.login)) {
        throw Error(ExitCode::data, "an account with login \"" + a.login + "\" already exists");
    }
    auto st = db.cached(
        "INSERT INTO accounts(login, password_hash, must_change_password, person_id, status, "
        "activation_hash, activation_expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(a.login, a.password_hash, a.must_change_password ? 1 : 0, a.person_id, a.status,
                 a.activation_hash, a.activation_expires_at, now);
    st->run();
    return db.last_insert_id();
}

std::optional<AccountRow> find_account_by_login(Database& db, const std::string& login) {
    Statement st = db.prepare(account_query(db, "WHERE login = ?"));
    st.bind(1, login);
    return one_account(st);
}

std::optional<AccountRow> find_account(Database& db, std::int64_t id) {
    Statement st = db.prepare(account_query(db, "WHERE id = ?"));
    st.bind(1, id);
    return one_account(st);
}

std::optional<AccountRow> find_account_of_person(Database& db, std::int64_t person_id) {
    Statement st = db.prepare(account_query(db, "WHERE person_id = ?"));
    st.bind(1, person_id);
    return one_account(st);
}

std::unordered_set<std::string> all_logins(Database& db) {
    Statement st = db.prepare("SELECT login FROM accounts");
    std::unordered_set<std::string> out;
    while (st.step() == Step::row) {
        out.insert(st.get_text(0));
    }
    return out;
}

void set_password(Database& db, std::int64_t account_id, const std::string& hash,
                  bool must_change) {
    Statement st = db.prepare(
        "UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE id = ?");
    st.bind_all(hash, must_change ? 1 : 0, account_id);
    st.run();
}

void set_activation(Database& db, std::int64_t account_id, const std::string& code_hash,
                    const std::string& expires_at) {
    auto st = db.cached(
        "UPDATE accounts SET status = 'pending', password_hash = NULL, must_change_password = 0, "
        "activation_hash = ?, activation_expires_at = ?, failed_logins = 0, locked_at = NULL "
        "WHERE id = ?");
    st->bind_all(code_hash, expires_at, account_id);
    st->run();
}

void activate(Database& db, std::int64_t account_id, const std::string& password_hash) {
    Statement st = db.prepare(
        "UPDATE accounts SET status = 'active', password_hash = ?, must_change_password = 0, "
        "activation_hash = NULL, activation_expires_at = NULL, failed_logins = 0 WHERE id = ?");
    st.bind_all(password_hash, account_id);
    st.run();
}

void record_login(Database& db, std::int64_t account_id, const std::string& now) {
    Statement st = db.prepare(legacy(db)
                                  ? "UPDATE accounts SET last_login_at = ? WHERE id = ?"
                                  : "UPDATE accounts SET last_login_at = ?, failed_logins = 0 "
                                    "WHERE id = ?");
    st.bind_all(now, account_id);
    st.run();
}

int record_failed_login(Database& db, std::int64_t account_id) {
    if (legacy(db)) {
        return 0;  // no counter before schema 5; `db migrate` adds it
    }
    Statement st = db.prepare(
        "UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = ? "
        "RETURNING failed_logins");
    st.bind(1, account_id);
    int count = st.step() == Step::row ? static_cast<int>(st.get_int(0)) : 0;
    st.reset();
    return count;
}

void lock_account(Database& db, std::int64_t account_id, const std::string& now) {
    Statement st = db.prepare("UPDATE accounts SET locked_at = ? WHERE id = ?");
    st.bind_all(now, account_id);
    st.run();
}

void unlock_account(Database& db, std::int64_t account_id) {
    update_account(db, "UPDATE accounts SET locked_at = NULL, failed_logins = 0 WHERE id = ?",
                   account_id);
}

void disable_account(Database& db, std::int64_t account_id, const std::string& now) {
    update_account(db,
                   "UPDATE accounts SET status = 'disabled', activation_hash = NULL, "
                   "activation_expires_at = NULL WHERE id = ?",
                   account_id);
    revoke_tokens_of(db, account_id, now);
}


namespace {

constexpr const char* grant_key =
    "account_id = ? AND role = ? AND scope_kind = ? AND school_id IS ? AND class_id IS ? AND "
    "group_id IS ? AND subject_id IS ? AND pupil_id IS ?";

void bind_grant(Statement& st, std::int64_t account_id, const domain::Grant& g) {
    st.bind_all(account_id, std::string(domain::to_string(g.role)),
                std::string(domain::to_string(g.scope)), g.school_id, g.class_id, g.group_id,
                g.subject_id, g.pupil_id);
}

}  // namespace

bool insert_grant(Database& db, std::int64_t account_id, const domain::Grant& g,
                  const std::string& now) {
    Statement exists = db.prepare(std::string("SELECT 1 FROM role_grants WHERE ") + grant_key);
    bind_grant(exists, account_id, g);
    if (exists.step() == Step::row) {
        return false;
    }
    Statement st = db.prepare(
        "INSERT INTO role_grants(account_id, role, scope_kind, school_id, class_id, group_id, "
        "subject_id, pupil_id, granted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    bind_grant(st, account_id, g);
    st.bind(9, now);
    st.run();
    return true;
}

int delete_grant(Database& db, std::int64_t account_id, const domain::Grant& g) {
    Statement st = db.prepare(std::string("DELETE FROM role_grants WHERE ") + grant_key);
    bind_grant(st, account_id, g);
    st.run();
    return db.changes();
}

std::vector<StoredGrant> grants_of(Database& db, std::int64_t account_id) {
    Statement st = db.prepare(
        legacy(db) ? "SELECT id, role, scope_kind, school_id, NULL, NULL, NULL, NULL "
                     "FROM role_grants WHERE account_id = ? AND scope_kind IN ('all', 'school') "
                     "ORDER BY id"
                   : "SELECT id, role, scope_kind, school_id, class_id, group_id, subject_id, "
                     "pupil_id FROM role_grants WHERE account_id = ? ORDER BY id");
    st.bind(1, account_id);
    std::vector<StoredGrant> out;
    while (st.step() == Step::row) {
        auto role = domain::parse_role(st.get_text(1));
        auto scope = domain::parse_scope(st.get_text(2));
        if (!role || !scope) {
            continue;  // the CHECK constraints make this unreachable
        }
        out.push_back({st.get_int(0),
                       {*role, *scope, st.get_optional_int(3), st.get_optional_int(4),
                        st.get_optional_int(5), st.get_optional_int(6), st.get_optional_int(7)}});
    }
    return out;
}

std::int64_t insert_token(Database& db, const NewToken& t, const std::string& now) {
    Statement st = db.prepare(
        "INSERT INTO tokens(account_id, kind, name, token_hash, created_at, expires_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind_all(t.account_id, t.kind, t.name, t.hash, now, t.expires_at);
    st.run();
    return db.last_insert_id();
}

std::vector<TokenListing> list_live_tokens(Database& db, const std::string& now) {
    Statement st = db.prepare(
        "SELECT t.id, t.account_id, t.kind, t.name, t.expires_at, t.revoked_at, a.login, "
        "t.created_at FROM tokens t JOIN accounts a ON a.id = t.account_id "
        "WHERE t.revoked_at IS NULL AND (t.expires_at IS NULL OR t.expires_at > ?) ORDER BY t.id");
    st.bind(1, now);
    std::vector<TokenListing> out;
    while (st.step() == Step::row) {
        out.push_back({read_token(st), st.get_text(6), st.get_text(7)});
    }
    return out;
}

std::optional<TokenRow> find_token_by_id(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string(token_columns) + "WHERE id = ?");
    st.bind(1, id);
    return st.step() == Step::row ? std::optional(read_token(st)) : std::nullopt;
}

std::optional<TokenRow> find_token(Database& db, const std::string& hash) {
    Statement st = db.prepare(std::string(token_columns) + "WHERE token_hash = ?");
    st.bind(1, hash);
    return st.step() == Step::row ? std::optional(read_token(st)) : std::nullopt;
}

void revoke_token(Database& db, std::int64_t token_id, const std::string& now) {
    Statement st = db.prepare("UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL");
    st.bind_all(now, token_id);
    st.run();
}

int revoke_tokens_of(Database& db, std::int64_t account_id, const std::string& now) {
    Statement st = db.prepare(
        "UPDATE tokens SET revoked_at = ? WHERE account_id = ? AND revoked_at IS NULL");
    st.bind_all(now, account_id);
    st.run();
    return db.changes();
}

}  // namespace schoolctl::store
