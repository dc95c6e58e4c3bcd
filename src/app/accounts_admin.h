#pragma once
// Looking after single accounts: list, show, lock, unlock, disable, reset, grant and revoke.
// Every change is audited; nobody may act on an account that holds more administrative power
// than they do (a secretary cannot lock the director out).
#include <filesystem>
#include <optional>
#include <string>

#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct AccountFilter {
    std::optional<std::string> kind;    // student | guardian | staff | other
    std::optional<std::string> class_name;
    std::optional<std::string> status;  // active | pending | locked | disabled
};

// accounts.manage for the school; with --class, credentials.issue for that class suffices.
report::Document account_listing(Session& session, const AccountFilter& filter);

// One account, its person and every grant (explicit and from the roster). Anyone may show their
// own account; others need accounts.manage.
report::Document account_details(Session& session, const std::string& login);

enum class AccountChange { lock, unlock, disable };
void change_account(Session& session, const std::string& login, AccountChange change);

struct ResetRequest {
    std::string login;
    std::optional<std::filesystem::path> slips_pdf;
    std::optional<std::filesystem::path> csv;
};
struct ResetResult {
    std::string code;        // to show once when neither file was asked for; else empty
    std::string expires_on;  // DD.MM.YYYY
};
// A new activation code: the password, the lock and every token of the account stop working.
ResetResult reset_account(Session& session, const ResetRequest& request);

// `accounts grant|revoke LOGIN ROLE --scope ...`; false if there was nothing to do.
bool grant_role(Session& session, const std::string& login, domain::Role role,
                const std::optional<std::string>& scope);
bool revoke_role(Session& session, const std::string& login, domain::Role role,
                 const std::optional<std::string>& scope);

// The account behind a login, or exit 65 naming it.
store::AccountRow account_by_login(Session& session, const std::string& login);

// Exit 77 unless the actor may act on `account`: accounts.manage here, and every administrative
// permission the account holds (accounts.manage, audit.read, database.admin) held by the actor
// too. Nobody locks, disables or re-grants their own account this way.
void require_power_over(Session& session, const store::AccountRow& account);

}  // namespace schoolctl::app
