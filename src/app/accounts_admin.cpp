#include "app/accounts_admin.h"

#include <algorithm>
#include <sstream>

#include "app/class_select.h"
#include "app/grant_scope.h"
#include "app/grant_text.h"
#include "app/credential_files.h"
#include "report/listing.h"
#include "store/access_scope.h"
#include "store/account_listing.h"
#include "store/names.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Permission;

constexpr std::array administrative = {Permission::accounts_manage, Permission::audit_read,
                                       Permission::database_admin};

std::string state_of(const std::string& status, const std::optional<std::string>& locked_at) {
    return locked_at ? status + ", locked" : status;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) {
        out += (out.empty() ? "" : ", ") + p;
    }
    return out;
}

// The permission target for acting on a pupil's or guardian's account: the pupil, or every
// child of the guardian (any one in reach will do).
std::vector<domain::Target> person_targets(Session& s, const store::AccountRow& account) {
    std::vector<domain::Target> targets;
    if (!account.person_id) {
        return targets;
    }
    for (const auto& g : store::roster_grants_of(s.db(), *account.person_id, today_iso())) {
        if (g.role == domain::Role::student || g.role == domain::Role::guardian) {
            targets.push_back(store::pupil_target(s.db(), *g.pupil_id, today_iso()));
        }
    }
    return targets;
}

// accounts.manage, or credentials.issue over the pupil (or one of the guardian's children) for
// the accounts a class teacher hands out.
void require_reset_permission(Session& s, const store::AccountRow& account) {
    bool allowed = s.allowed(Permission::accounts_manage);
    for (const auto& t : person_targets(s, account)) {
        allowed = allowed || s.allowed(Permission::credentials_issue, t);
    }
    if (!allowed) {
        s.require(Permission::accounts_manage);  // throws with the usual message
    }
    require_power_over(s, account);
}

}  // namespace

store::AccountRow account_by_login(Session& s, const std::string& login) {
    auto account = store::find_account_by_login(s.db(), login);
    if (!account) {
        throw Error(ExitCode::data, "no account \"" + login + "\" (see `schoolctl accounts list`)");
    }
    return *account;
}

void require_power_over(Session& s, const store::AccountRow& account) {
    if (account.id == s.actor().account_id) {
        throw Error(ExitCode::no_permission,
                    "not on your own account \"" + account.login +
                        "\": ask another administrator");
    }
    if (account.person_id) {
        auto target = store::pupil_target(s.db(), *account.person_id, today_iso());
        if (target.school_id != s.school_id()) {
            throw Error(ExitCode::no_permission,
                        "permission denied: account \"" + account.login +
                            "\" belongs to another school than " + s.school_name());
        }
    }
    // Wherever the account holds an administrative permission, the actor must hold it too: an
    // administrator of one school cannot reset the administrator of all schools.
    for (const auto& theirs : effective_grants(s.db(), account)) {
        for (Permission p : administrative) {
            if (!domain::role_has(theirs.role, p)) {
                continue;
            }
            bool covered = false;
            for (const auto& mine : s.actor().grants) {
                domain::Target there;
                there.school_id = theirs.school_id.value_or(0);
                covered = covered || (theirs.scope == domain::Scope::all
                                          ? mine.scope == domain::Scope::all &&
                                                domain::role_has(mine.role, p)
                                          : domain::grant_allows(mine, p, there));
            }
            if (!covered) {
                throw Error(ExitCode::no_permission,
                            "permission denied: account \"" + account.login + "\" holds \"" +
                                std::string(domain::to_string(p)) + "\"" +
                                (theirs.scope == domain::Scope::all ? " in all schools" : "") +
                                ", which account \"" + s.actor().login + "\" lacks");
            }
        }
    }
}

report::Document account_listing(Session& s, const AccountFilter& f) {
    std::optional<ClassRef> klass;
    if (f.class_name) {
        klass = select_class(s, *f.class_name);
        if (!s.allowed(Permission::accounts_manage)) {
            s.require(Permission::credentials_issue, class_target(s, *klass),
                      "class " + klass->name);
        }
    } else {
        s.require(Permission::accounts_manage);
    }
    report::Document doc = report::listing(
        "accounts", "Accounts",
        {{"login", 20}, {"name", 30}, {"kind", 10}, {"classes", 10}, {"state", 16},
         {"last login (UTC)", 20}, {"code valid until (UTC)", 20}});
    std::optional<std::int64_t> class_id;
    if (klass) {
        class_id = klass->id;
    }
    for (const auto& row : store::list_accounts(s.db(), s.school_id(), class_id, today_iso())) {
        std::string kind = row.kinds.empty() ? "other" : joined(row.kinds);
        if (f.kind && std::find(row.kinds.begin(), row.kinds.end(), *f.kind) == row.kinds.end() &&
            !(*f.kind == "other" && row.kinds.empty())) {
            continue;
        }
        if (f.status && !(*f.status == "locked" ? row.locked_at.has_value()
                                                : row.status == *f.status)) {
            continue;
        }
        report::listing_rows(doc).push_back(
            {row.login, row.name ? domain::full_name(*row.name) : std::string(), kind,
             joined(row.classes), state_of(row.status, row.locked_at),
             row.last_login_at.value_or(""),
             row.status == "pending" ? row.activation_expires_at.value_or("") : std::string()});
    }
    return doc;
}

report::Document account_details(Session& s, const std::string& login) {
    if (login != s.actor().login) {
        s.require(Permission::accounts_manage);  // before the lookup: no probing for logins
    }
    store::AccountRow a = account_by_login(s, login);
    report::Document doc = report::listing("account", "Account " + a.login,
                                           {{"field", 18}, {"value", 50}});
    auto& rows = report::listing_rows(doc);
    rows.push_back({std::string("login"), a.login});
    if (a.person_id) {
        if (auto name = store::person_name(s.db(), *a.person_id)) {
            rows.push_back({std::string("name"), domain::full_name(*name)});
        }
    }
    rows.push_back({std::string("state"), state_of(a.status, a.locked_at)});
    if (a.locked_at) {
        rows.push_back({std::string("locked at (UTC)"), *a.locked_at});
    }
    rows.push_back({std::string("failed attempts"), static_cast<std::int64_t>(a.failed_logins)});
    if (a.status == "pending" && a.activation_expires_at) {
        rows.push_back({std::string("code valid until"), *a.activation_expires_at});
    }
    rows.push_back({std::string("created (UTC)"), a.created_at});
    rows.push_back({std::string("last login (UTC)"), a.last_login_at.value_or("never")});
    for (const auto& g : store::grants_of(s.db(), a.id)) {
        rows.push_back({std::string("role"), std::string(domain::to_string(g.grant.role)) + " (" +
                                                 describe_scope(s.db(), g.grant) + ")"});
    }
    if (a.person_id) {
        for (const auto& g : store::roster_grants_of(s.db(), *a.person_id, today_iso())) {
            rows.push_back({std::string("role"), std::string(domain::to_string(g.role)) + " (" +
                                                     describe_scope(s.db(), g) +
                                                     ", from the roster)"});
        }
    }
    return doc;
}

void change_account(Session& s, const std::string& login, AccountChange change) {
    s.require(Permission::accounts_manage);  // before the lookup: no probing for logins
    store::Transaction tx(s.db());
    store::AccountRow a = account_by_login(s, login);
    require_power_over(s, a);
    std::string now = utc_iso_now();
    switch (change) {
    case AccountChange::lock:
        if (a.locked_at) {
            throw Error(ExitCode::data, "account \"" + login + "\" is already locked");
        }
        store::lock_account(s.db(), a.id, now);
        store::revoke_tokens_of(s.db(), a.id, now);
        s.audit("account.locked", "account", std::to_string(a.id),
                {{"login", a.login}, {"by", "hand"}});
        break;
    case AccountChange::unlock:
        if (!a.locked_at) {
            throw Error(ExitCode::data, "account \"" + login + "\" is not locked");
        }
        store::unlock_account(s.db(), a.id);
        s.audit("account.unlocked", "account", std::to_string(a.id),
                {{"login", a.login}, {"failed_attempts", a.failed_logins}});
        break;
    case AccountChange::disable:
        if (a.status == "disabled") {
            throw Error(ExitCode::data, "account \"" + login + "\" is already disabled");
        }
        store::disable_account(s.db(), a.id, now);
        s.audit("account.disabled", "account", std::to_string(a.id),
                {{"login", a.login}, {"was", a.status}});
        break;
    }
    tx.commit();
}

ResetResult reset_account(Session& s, const ResetRequest& r) {
    // Before the lookup, so that nobody without any say over accounts can probe for logins.
    bool may_issue = std::any_of(s.actor().grants.begin(), s.actor().grants.end(),
                                 [](const domain::Grant& g) {
                                     return domain::role_has(g.role,
                                                             Permission::credentials_issue) ||
                                            domain::role_has(g.role, Permission::accounts_manage);
                                 });
    if (!may_issue) {
        s.require(Permission::accounts_manage);
    }
    store::Transaction tx(s.db());
    store::AccountRow a = account_by_login(s, r.login);
    require_reset_permission(s, a);
    if (a.person_id && !store::is_current_member(s.db(), *a.person_id)) {
        throw Error(ExitCode::data, "account \"" + a.login +
                                        "\" belongs to someone who has left the school; it stays "
                                        "as it is");
    }
    std::time_t now_t = now_seconds();
    domain::Date last_day = moscow_date(
        now_t + static_cast<std::time_t>(s.settings().activation_days) * 86400);
    std::string expires_at = end_of_moscow_day(last_day);
    ResetResult result{crypto::random_code(4), domain::format_ru(last_day)};
    store::set_activation(s.db(), a.id, crypto::hash_password(result.code), expires_at);
    int tokens = store::revoke_tokens_of(s.db(), a.id, utc_iso(now_t));

    domain::PersonName name{a.login, "", ""};
    if (a.person_id) {
        name = store::person_name(s.db(), *a.person_id).value_or(name);
    }
    std::vector<CredentialSheet> sheets = {
        {a.login, {{{domain::full_name(name), "", a.login, result.code, result.expires_on},
                    name,
                    ""}}}};
    CredentialFiles files(s, sheets, r.slips_pdf, r.csv, now_t);
    s.audit("account.code_issued", "account", std::to_string(a.id),
            {{"login", a.login},
             {"reason", "reset"},
             {"was", state_of(a.status, a.locked_at)},
             {"tokens_revoked", tokens},
             {"expires_at", expires_at},
             {"outputs", files.audit_paths()}});
    files.publish_with(tx);
    if (!files.paths().empty()) {
        result.code.clear();  // it went to the files
    }
    return result;
}

namespace {

// Granting a role is handing over its permissions: only within the actor's own reach.
void require_grant_power(Session& s, const store::AccountRow& account, const domain::Grant& g) {
    s.require(Permission::accounts_manage);
    require_power_over(s, account);
    if (g.scope == domain::Scope::all) {
        bool everywhere = std::any_of(
            s.actor().grants.begin(), s.actor().grants.end(), [](const domain::Grant& mine) {
                return mine.role == domain::Role::administrator && mine.scope == domain::Scope::all;
            });
        if (!everywhere) {
            throw Error(ExitCode::no_permission,
                        "permission denied: only an administrator of all schools grants a role "
                        "for all schools");
        }
    }
    for (Permission p : administrative) {
        if (domain::role_has(g.role, p) && !s.allowed(p)) {
            throw Error(ExitCode::no_permission,
                        "permission denied: " + std::string(domain::to_string(g.role)) +
                            " holds \"" + std::string(domain::to_string(p)) +
                            "\", which account \"" + s.actor().login + "\" lacks in " +
                            s.school_name());
        }
    }
}

}  // namespace

bool grant_role(Session& s, const std::string& login, domain::Role role,
                const std::optional<std::string>& scope) {
    store::Transaction tx(s.db());
    store::AccountRow a = account_by_login(s, login);
    domain::Grant g = parse_grant(s, role, scope);
    require_grant_power(s, a, g);
    if (!store::insert_grant(s.db(), a.id, g, utc_iso_now())) {
        return false;
    }
    s.audit("account.grant", "account", std::to_string(a.id),
            {{"login", a.login},
             {"role", domain::to_string(role)},
             {"scope", describe_scope(s.db(), g)}});
    tx.commit();
    return true;
}

bool revoke_role(Session& s, const std::string& login, domain::Role role,
                 const std::optional<std::string>& scope) {
    store::Transaction tx(s.db());
    store::AccountRow a = account_by_login(s, login);
    domain::Grant g = parse_grant(s, role, scope);
    require_grant_power(s, a, g);
    if (store::delete_grant(s.db(), a.id, g) == 0) {
        return false;
    }
    s.audit("account.revoke", "account", std::to_string(a.id),
            {{"login", a.login},
             {"role", domain::to_string(role)},
             {"scope", describe_scope(s.db(), g)}});
    tx.commit();
    return true;
}

}  // namespace schoolctl::app
