#include "app/session.h"

#include <fstream>

#include "app/school_select.h"
#include "store/access_scope.h"
#include "store/audit.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {

std::optional<std::string> read_session_token(const std::filesystem::path& file) {
    std::ifstream in(file);
    std::string token;
    if (!in || !std::getline(in, token) || token.empty()) {
        return std::nullopt;
    }
    return token;
}

Session::Session(std::unique_ptr<store::Database> db, Actor actor, std::int64_t school_id,
                 std::string school_name, const domain::Settings& settings)
    : db_(std::move(db)), actor_(std::move(actor)), school_id_(school_id),
      school_name_(std::move(school_name)), settings_(settings) {}

domain::Target Session::school_target() const {
    domain::Target t;
    t.school_id = school_id_;
    return t;
}

std::unique_ptr<Session> Session::second_connection() const {
    auto db = store::open_database(db_->path(), settings_.busy_timeout_ms,
                                   store::SchemaPolicy::allow_older);
    return std::make_unique<Session>(std::move(db), actor_, school_id_, school_name_, settings_);
}

bool Session::allowed(domain::Permission permission, const domain::Target& target) const {
    return domain::any_grant_allows(actor_.grants, permission, target);
}

bool Session::allowed(domain::Permission permission) const {
    return allowed(permission, school_target());
}

void Session::require(domain::Permission permission, const domain::Target& target,
                      const std::string& what) const {
    if (!allowed(permission, target)) {
        throw Error(ExitCode::no_permission,
                    "permission denied: account \"" + actor_.login + "\" lacks \"" +
                        std::string(domain::to_string(permission)) + "\" for " + what + " in " +
                        school_name_);
    }
}

void Session::require(domain::Permission permission) const {
    if (!allowed(permission)) {
        throw Error(ExitCode::no_permission,
                    "permission denied: account \"" + actor_.login + "\" lacks \"" +
                        std::string(domain::to_string(permission)) + "\" in " + school_name_);
    }
}

void Session::audit(const std::string& action, const std::string& object_type,
                    const std::string& object_id, const nlohmann::json& details) {
    // Dumped where it is, not copied first: imports write an audit row per row of a file.
    std::string text = details.is_null() ? std::string("{}") : details.dump();
    store::append_audit(*db_,
                        {actor_.account_id, actor_.login, action, object_type, object_id,
                         std::move(text)},
                        utc_iso_now());
}

std::vector<domain::Grant> effective_grants(store::Database& db, const store::AccountRow& account) {
    std::vector<domain::Grant> grants;
    for (auto& g : store::grants_of(db, account.id)) {
        grants.push_back(g.grant);
    }
    if (account.person_id) {
        auto derived = store::roster_grants_of(db, *account.person_id,
                                               today_iso());
        grants.insert(grants.end(), derived.begin(), derived.end());
    }
    return grants;
}

Actor resolve_actor(store::Database& db, const std::optional<std::string>& token,
                    const std::filesystem::path& session_file) {
    std::optional<std::string> secret = token;
    std::string source = "SCHOOLCTL_TOKEN";
    if (!secret) {
        secret = read_session_token(session_file);
        source = "the saved session";
    }
    if (!secret) {
        throw Error(ExitCode::no_permission,
                    "not logged in: run `schoolctl login LOGIN`, or set SCHOOLCTL_TOKEN to a "
                    "script token");
    }
    auto row = store::find_token(db, crypto::token_hash(*secret));
    std::string now = utc_iso_now();
    if (!row || row->revoked_at || (row->expires_at && *row->expires_at <= now)) {
        throw Error(ExitCode::no_permission,
                    "the token in " + source +
                        " is not valid (unknown, revoked or expired): run `schoolctl login LOGIN`");
    }
    auto account = store::find_account(db, row->account_id);
    if (!account || account->status != "active") {
        throw Error(ExitCode::no_permission, "the account of this token is disabled");
    }
    if (account->locked_at) {
        throw Error(ExitCode::no_permission,
                    "account \"" + account->login +
                        "\" is locked; someone with accounts.manage can run `schoolctl accounts "
                        "unlock " + account->login + "`");
    }
    return Actor{account->id, account->login, account->person_id,
                 effective_grants(db, *account), row->id};
}

std::filesystem::path session_file_for(const std::filesystem::path& state_dir,
                                       const std::filesystem::path& db_path) {
    std::filesystem::path absolute = std::filesystem::weakly_canonical(db_path);
    return state_dir / "sessions" / (crypto::sha256_hex(absolute.string()).substr(0, 16));
}

std::unique_ptr<Session> open_session(const SessionRequest& r) {
    auto db = store::open_database(r.db_path, r.settings->busy_timeout_ms, r.schema);
    Actor actor = resolve_actor(*db, r.token, r.session_file);
    store::SchoolRow school = select_school(*db, r.school);
    return std::make_unique<Session>(std::move(db), std::move(actor), school.id, school.name,
                                     *r.settings);
}

}  // namespace schoolctl::app
