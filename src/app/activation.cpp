#include "app/activation.h"

#include <cctype>
#include <nlohmann/json.hpp>

#include "app/login_throttle.h"
#include "domain/password_policy.h"
#include "store/accounts.h"
#include "store/connection.h"
#include "store/names.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {

std::string canonical_code(const std::string& typed) {
    std::string letters;
    for (char c : typed) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            letters += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        }
    }
    std::string out;
    for (std::size_t i = 0; i < letters.size(); ++i) {
        if (i > 0 && i % 4 == 0) {
            out += '-';
        }
        out += letters[i];
    }
    return out;
}

void activate_account(const ActivationRequest& r) {
    auto db = store::open_database(r.db_path, r.busy_timeout_ms);
    store::Transaction tx(*db);
    auto account = store::find_account_by_login(*db, r.login);
    const std::string wrong = "wrong login or activation code for \"" + r.login + "\"";
    // A wrong login or code may be someone guessing and counts towards the lockout; the other
    // refusals (nothing to activate, a right code that expired) are audited only.
    auto fail = [&](const std::string& reason, const std::string& message, bool guess = true) {
        if (guess) {
            record_failure(*db, account ? &*account : nullptr, r.login,
                           "account.activation_failed", reason, r.lockout_after);
        } else {
            audit_as_account(*db, *account, "account.activation_refused",
                             nlohmann::json{{"reason", reason}}.dump());
        }
        tx.commit();
        throw Error(ExitCode::no_permission, message);
    };
    if (!account) {
        fail("unknown login", wrong);
    }
    if (account->locked_at) {
        audit_as_account(*db, *account, "account.activation_refused",
                         nlohmann::json{{"reason", "locked"}}.dump());
        tx.commit();
        refuse_locked(*account);
    }
    if (account->status == "disabled") {
        fail("disabled", "account \"" + r.login + "\" is disabled", false);
    }
    if (account->status != "pending" || !account->activation_hash) {
        fail("no code pending",
             "account \"" + r.login +
                 "\" has no activation pending: log in with `schoolctl login " + r.login +
                 "`, or ask for a new code (`schoolctl accounts reset " + r.login + "`)",
             false);
    }
    if (!crypto::verify_password(*account->activation_hash, canonical_code(r.code))) {
        fail("wrong code", wrong);
    }
    if (account->activation_expires_at && *account->activation_expires_at <= utc_iso_now()) {
        fail("expired", "the activation code of \"" + r.login + "\" expired at " +
                            *account->activation_expires_at +
                            "; ask for a new one (`schoolctl accounts reset " + r.login + "`)",
             false);
    }

    auto password = domain::normalize_password(r.password);
    if (!password) {
        throw Error(ExitCode::data, "password refused: it is not valid UTF-8 text");
    }
    domain::PasswordContext context;
    context.login = account->login;
    if (account->person_id) {
        if (auto name = store::person_name(*db, *account->person_id)) {
            context.name_parts = {name->last, name->first, name->middle};
        }
    }
    domain::PasswordRules rules;
    rules.min_length = r.password_min_length;
    if (auto problem = domain::password_problem(*password, context, rules)) {
        throw Error(ExitCode::data, "password refused: " + *problem + "; the code still works");
    }
    store::activate(*db, account->id, crypto::hash_password(*password));
    audit_as_account(*db, *account, "account.activated", "{}");
    tx.commit();
}

}  // namespace schoolctl::app
