#pragma once
// Logging in and out, and long-lived script tokens.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct LoginRequest {
    std::filesystem::path db_path;
    int busy_timeout_ms = 5000;
    std::string login;
    std::string password;
    std::optional<std::string> new_password;  // required when the password is one-time
    int session_hours = 12;
    int password_min_length = 12;
    int lockout_after = 5;  // consecutive failures that lock the account
    std::filesystem::path session_file;  // receives the session token (mode 0600)
};

enum class LoginOutcome { logged_in, new_password_required };

struct LoginResult {
    LoginOutcome outcome = LoginOutcome::logged_in;
    std::string login;
    std::string token;       // the session secret, for the session file only
    std::string expires_at;  // UTC ISO 8601
};

// A wrong login or password exits 77 and is audited; a one-time password without a new one
// returns new_password_required and changes nothing.
LoginResult login(const LoginRequest& request);

// Revokes the session token in `session_file` (if any) and removes the file.
bool logout(const std::filesystem::path& db_path, int busy_timeout_ms,
            const std::filesystem::path& session_file);

struct ScriptToken {
    std::string token;  // shown once
    std::string name;
    std::optional<std::string> expires_at;
};

struct ScriptTokenRequest {
    std::string name;
    std::optional<std::string> account;  // login to act as; default: the current account
    std::optional<int> days;             // expire after this many days
    std::optional<std::string> expires;  // or at the end of this day (DD.MM.YYYY or ISO, Moscow)
};

// A token for cron and scripts (permission accounts.manage; for another account, also power
// over it: nobody mints a token stronger than themselves). Never expires unless told.
ScriptToken create_script_token(Session& session, const ScriptTokenRequest& request);


// Live session and script tokens of every account, as a listing (permission accounts.manage).
report::Document token_listing(Session& session);

// Revokes a token by its id; exit 65 if there is no such live token.
void revoke_token(Session& session, std::int64_t token_id);

}  // namespace schoolctl::app
