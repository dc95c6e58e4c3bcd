#include "app/login_throttle.h"

#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

void audit_as_account(store::Database& db, const store::AccountRow& account,
                      const std::string& action, const std::string& details_json) {
    store::append_audit(db,
                        {account.id, account.login, action, "account", std::to_string(account.id),
                         details_json},
                        utc_iso_now());
}

void record_failure(store::Database& db, const store::AccountRow* account,
                    const std::string& login, const std::string& action,
                    const std::string& reason, int lockout_after) {
    std::string now = utc_iso_now();
    if (!account) {
        store::append_audit(db, {std::nullopt, login, action, "account", "",
                                 nlohmann::json{{"reason", reason}}.dump()},
                            now);
        return;
    }
    int failures = store::record_failed_login(db, account->id);
    audit_as_account(db, *account, action,
                     nlohmann::json{{"reason", reason}, {"consecutive_failures", failures}}.dump());
    if (!account->locked_at && failures >= lockout_after) {
        store::lock_account(db, account->id, now);
        audit_as_account(db, *account, "account.locked",
                         nlohmann::json{{"after_failures", failures}}.dump());
    }
}

void refuse_locked(const store::AccountRow& account) {
    std::string why = account.failed_logins > 0
                          ? "is locked after " + std::to_string(account.failed_logins) +
                                " failed attempts"
                          : "is locked";
    throw Error(ExitCode::no_permission,
                "account \"" + account.login + "\" " + why +
                    "; someone with accounts.manage can run `schoolctl accounts unlock " +
                    account.login + "`");
}

}  // namespace schoolctl::app
