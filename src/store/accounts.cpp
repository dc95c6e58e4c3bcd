#include "store/accounts.h"

#include "util/error.h"

namespace schoolctl::store {
namespace {

constexpr const char* account_columns =
    "SELECT id, login, password_hash, must_change_password, status, person_id FROM accounts ";

AccountRow read_account(const Statement& st) {
    return {st.get_int(0),     st.get_text(1),          st.get_optional_text(2),
            st.get_int(3) != 0, st.get_text(4), st.get_optional_int(5)};
}

constexpr const char* token_columns =
    "SELECT id, account_id, kind, name, expires_at, revoked_at FROM tokens ";

// Columns 0..5 in the order of token_columns.
TokenRow read_token(const Statement& st) {
    return {st.get_int(0),  st.get_int(1),           st.get_text(2),
            st.get_text(3), st.get_optional_text(4), st.get_optional_text(5)};
}

}  // namespace

std::int64_t insert_account(Database& db, const NewAccount& a, const std::string& now) {
    if (find_account_by_login(db, a.login)) {
        throw Error(ExitCode::data, "an account with login \"" + a.login + "\" already exists");
    }
    Statement st = db.prepare(
        "INSERT INTO accounts(login, password_hash, must_change_password, person_id, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    st.bind_all(a.login, a.password_hash, a.must_change_password ? 1 : 0, a.person_id, now);
    st.run();
    return db.last_insert_id();
}

std::optional<AccountRow> find_account_by_login(Database& db, const std::string& login) {
    Statement st = db.prepare(std::string(account_columns) + "WHERE login = ?");
    st.bind(1, login);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return read_account(st);
}

std::optional<AccountRow> find_account(Database& db, std::int64_t id) {
    Statement st = db.prepare(std::string(account_columns) + "WHERE id = ?");
    st.bind(1, id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return read_account(st);
}

void set_password(Database& db, std::int64_t account_id, const std::string& hash,
                  bool must_change) {
    Statement st = db.prepare(
        "UPDATE accounts SET password_hash = ?, must_change_password = ? WHERE id = ?");
    st.bind_all(hash, must_change ? 1 : 0, account_id);
    st.run();
}

void record_login(Database& db, std::int64_t account_id, const std::string& now) {
    Statement st = db.prepare("UPDATE accounts SET last_login_at = ? WHERE id = ?");
    st.bind_all(now, account_id);
    st.run();
}

void insert_grant(Database& db, std::int64_t account_id, const GrantRow& g,
                  const std::string& now) {
    Statement st = db.prepare(
        "INSERT INTO role_grants(account_id, role, school_id, scope_kind, scope_id, granted_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind_all(account_id, std::string(domain::to_string(g.role)), g.school_id, g.scope_kind,
                g.scope_id, now);
    st.run();
}

std::vector<GrantRow> grants_of(Database& db, std::int64_t account_id) {
    Statement st = db.prepare(
        "SELECT role, school_id, scope_kind, scope_id FROM role_grants WHERE account_id = ? "
        "ORDER BY id");
    st.bind(1, account_id);
    std::vector<GrantRow> out;
    while (st.step() == Step::row) {
        auto role = domain::parse_role(st.get_text(0));
        if (!role) {
            continue;  // the CHECK constraint makes this unreachable
        }
        out.push_back({*role, st.get_optional_int(1), st.get_text(2), st.get_int(3)});
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

}  // namespace schoolctl::store
