#pragma once
// Consecutive failed logins and activations lock an account; the audit log shows each failure
// and the lock. Shared by `login` and `accounts activate` so both count towards one limit.
#include <string>

#include "store/accounts.h"
#include "store/database.h"

namespace schoolctl::app {

// Records one failure of `action` ("account.login_failed", "account.activation_failed") for
// `login` (an unknown login is audited too, without an account), and locks the account when
// the failures reach `lockout_after`. Call inside a transaction that is then committed.
void record_failure(store::Database& db, const store::AccountRow* account,
                    const std::string& login, const std::string& action,
                    const std::string& reason, int lockout_after);

// Audits a successful login-like action as the account itself.
void audit_as_account(store::Database& db, const store::AccountRow& account,
                      const std::string& action, const std::string& details_json);

// The exit-77 refusal for a locked account.
[[noreturn]] void refuse_locked(const store::AccountRow& account);

}  // namespace schoolctl::app
