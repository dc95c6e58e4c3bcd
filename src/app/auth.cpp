#include "app/auth.h"


#include "app/accounts_admin.h"
#include "app/login_throttle.h"
#include "domain/password_policy.h"
#include "report/listing.h"
#include "store/accounts.h"
#include "store/audit.h"
#include "store/names.h"
#include "store/connection.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/atomic_file.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

void audit_as(store::Database& db, const store::AccountRow* account, const std::string& login,
              const std::string& action, const nlohmann::json& details) {
    store::append_audit(db,
                        {account ? std::optional(account->id) : std::nullopt, login, action,
                         "account", account ? std::to_string(account->id) : "", (details.is_null() ? nlohmann::json::object() : details).dump()},
                        utc_iso_now());
}

// The session directory is private (0700) and the token file 0600: it is a credential.
void save_session(const std::filesystem::path& file, const std::string& token) {
    std::filesystem::create_directories(file.parent_path());
    std::filesystem::permissions(file.parent_path(), std::filesystem::perms::owner_all);
    write_file_atomically(file, token + "\n");
}

// A new login replaces the saved session; the old token must not stay valid behind it.
void revoke_saved_session(store::Database& db, const std::filesystem::path& file,
                          const std::string& now) {
    auto token = read_session_token(file);
    if (!token) {
        return;
    }
    if (auto row = store::find_token(db, crypto::token_hash(*token)); row && row->kind == "session") {
        store::revoke_token(db, row->id, now);
    }
}

}  // namespace

LoginResult login(const LoginRequest& r) {
    // An older schema is fine here: logging in is how an administrator gets to `db migrate`.
    auto db = store::open_database(r.db_path, r.busy_timeout_ms, store::SchemaPolicy::allow_older);
    store::Transaction tx(*db);
    auto account = store::find_account_by_login(*db, r.login);
    if (account && account->locked_at) {
        // Refused before the password is even checked, so a locked account tells nothing.
        audit_as(*db, &*account, r.login, "account.login_refused", {{"reason", "locked"}});
        tx.commit();
        refuse_locked(*account);
    }
    if (account && account->status == "pending") {
        record_failure(*db, &*account, r.login, "account.login_failed", "not activated",
                       r.lockout_after);
        tx.commit();
        throw Error(ExitCode::no_permission,
                    "account \"" + r.login + "\" is not activated yet: run `schoolctl accounts "
                    "activate " + r.login + "` with the code from the credential slip");
    }
    bool ok = account && account->status == "active" && account->password_hash &&
              crypto::verify_password(*account->password_hash, r.password);
    if (!ok) {
        // The failed attempt is kept even though the command fails.
        record_failure(*db, account ? &*account : nullptr, r.login, "account.login_failed",
                       !account ? "unknown login"
                       : account->status == "disabled" ? "disabled"
                                                        : "wrong password",
                       r.lockout_after);
        tx.commit();
        throw Error(ExitCode::no_permission, "wrong login or password for \"" + r.login + "\"");
    }
    if (account->must_change_password) {
        if (!r.new_password) {
            return {LoginOutcome::new_password_required, r.login, {}, {}};
        }
        auto fresh = domain::normalize_password(*r.new_password);
        if (!fresh) {
            throw Error(ExitCode::data, "new password refused: it is not valid UTF-8 text");
        }
        domain::PasswordContext context;
        context.login = r.login;
        if (account->person_id) {
            if (auto name = store::person_name(*db, *account->person_id)) {
                context.name_parts = {name->last, name->first, name->middle};
            }
        }
        domain::PasswordRules rules;
        rules.min_length = r.password_min_length;
        if (auto problem = domain::password_problem(*fresh, context, rules)) {
            throw Error(ExitCode::data, "new password refused: " + *problem);
        }
        if (*fresh == r.password) {
            throw Error(ExitCode::data, "new password refused: it must differ from the one-time "
                                        "password");
        }
        store::set_password(*db, account->id, crypto::hash_password(*fresh), false);
        audit_as(*db, &*account, r.login, "account.password_set", {});
    }
    std::time_t now = now_seconds();
    LoginResult result{LoginOutcome::logged_in, r.login, crypto::random_token(),
                       utc_iso_after(now, std::chrono::hours(r.session_hours))};
    store::insert_token(*db, {account->id, "session", "login", crypto::token_hash(result.token),
                              result.expires_at},
                        utc_iso(now));
    store::record_login(*db, account->id, utc_iso(now));
    audit_as(*db, &*account, r.login, "account.login", {{"expires_at", result.expires_at}});
    revoke_saved_session(*db, r.session_file, utc_iso(now));
    save_session(r.session_file, result.token);
    tx.commit();
    return result;
}

bool logout(const std::filesystem::path& db_path, int busy_timeout_ms,
            const std::filesystem::path& session_file) {
    if (!std::filesystem::exists(session_file)) {
        return false;
    }
    auto db = store::open_database(db_path, busy_timeout_ms, store::SchemaPolicy::allow_older);
    try {
        Actor actor = resolve_actor(*db, std::nullopt, session_file);
        store::Transaction tx(*db);
        store::revoke_token(*db, *actor.token_id, utc_iso_now());
        store::append_audit(*db,
                            {actor.account_id, actor.login, "account.logout", "account",
                             std::to_string(actor.account_id), "{}"},
                            utc_iso_now());
        tx.commit();
    } catch (const Error& e) {
        if (e.code() != ExitCode::no_permission) {
            throw;  // an expired session is simply forgotten below
        }
    }
    std::filesystem::remove(session_file);
    return true;
}

report::Document token_listing(Session& session) {
    session.require(domain::Permission::accounts_manage);
    report::Document doc = report::listing(
        "tokens", "Live tokens",
        {{"id", 5, report::Align::right}, {"account", 14}, {"kind", 8}, {"name", 18},
         {"created (UTC)", 20}, {"expires (UTC)", 20}});
    for (const auto& t : store::list_live_tokens(session.db(), utc_iso_now())) {
        report::listing_rows(doc).push_back({t.token.id, t.login, t.token.kind, t.token.name,
                                             t.created_at, t.token.expires_at.value_or("never")});
    }
    return doc;
}

void revoke_token(Session& session, std::int64_t token_id) {
    session.require(domain::Permission::accounts_manage);
    store::Transaction tx(session.db());
    auto row = store::find_token_by_id(session.db(), token_id);
    if (!row || row->revoked_at) {
        throw Error(ExitCode::data, "no live token with id " + std::to_string(token_id) +
                                        " (see `schoolctl token list`)");
    }
    store::revoke_token(session.db(), token_id, utc_iso_now());
    session.audit("token.revoke", "token", std::to_string(token_id),
                  {{"kind", row->kind}, {"name", row->name}, {"account_id", row->account_id}});
    tx.commit();
}

ScriptToken create_script_token(Session& session, const ScriptTokenRequest& r) {
    session.require(domain::Permission::accounts_manage);
    if (r.name.empty()) {
        throw Error(ExitCode::usage, "a script token needs a --name (e.g. cron-reports)");
    }
    store::AccountRow account = r.account ? account_by_login(session, *r.account)
                                          : *store::find_account(session.db(),
                                                                 session.actor().account_id);
    if (account.id != session.actor().account_id) {
        require_power_over(session, account);
    }
    if (account.status != "active" || account.locked_at) {
        throw Error(ExitCode::data, "account \"" + account.login +
                                        "\" is not active (it is " + account.status +
                                        (account.locked_at ? ", locked" : "") +
                                        "): a token for it would not work");
    }
    std::time_t now = now_seconds();
    ScriptToken token{crypto::random_token(), r.name, std::nullopt};
    if (r.days) {
        token.expires_at = utc_iso_after(now, std::chrono::hours(24 * *r.days));
    }
    if (r.expires) {
        auto day = domain::parse_date(*r.expires);
        if (!day) {
            throw Error(ExitCode::usage, "--expires \"" + *r.expires +
                                             "\": expected a date, DD.MM.YYYY or YYYY-MM-DD");
        }
        token.expires_at = end_of_moscow_day(*day);
        if (*token.expires_at <= utc_iso(now)) {
            throw Error(ExitCode::usage, "--expires " + *r.expires + " is in the past");
        }
    }
    store::Transaction tx(session.db());
    store::insert_token(session.db(),
                        {account.id, "script", r.name, crypto::token_hash(token.token),
                         token.expires_at},
                        utc_iso(now));
    session.audit("token.create", "account", std::to_string(account.id),
                  {{"login", account.login},
                   {"name", r.name},
                   {"expires_at", token.expires_at.value_or("never")}});
    tx.commit();
    return token;
}

}  // namespace schoolctl::app
