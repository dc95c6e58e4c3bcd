#pragma once
// First use of an issued account: the activation code from the slip is exchanged for the
// person's own password. Run without a login (the person has none yet); every failure counts
// towards the lockout like a failed login.
#include <filesystem>
#include <string>

namespace schoolctl::app {

struct ActivationRequest {
    std::filesystem::path db_path;
    int busy_timeout_ms = 5000;
    std::string login;
    std::string code;      // as typed: case, spaces and dashes do not matter
    std::string password;  // the new password, as typed; normalised to NFC before anything else
    int password_min_length = 12;
    int lockout_after = 5;
};

// Exit 77 for a wrong login or code, an expired code, or a locked or disabled account (the
// failure is audited and counted); exit 65 for a password the policy refuses (nothing counted:
// the code was right).
void activate_account(const ActivationRequest& request);

// "abcd efgh-jkmn pqrs" -> "ABCD-EFGH-JKMN-PQRS": the form codes are hashed in.
std::string canonical_code(const std::string& typed);

}  // namespace schoolctl::app
