#pragma once
// New passwords in the style of NIST SP 800-63B: long enough, not common, not the account's own
// login or name, and no composition rules. Length counts characters, not bytes, so a Cyrillic
// password is not penalised.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::domain {

// Bounds in characters. A minimum below 8 counts as 8; a maximum below 64 (or below the
// minimum) counts as 64 (or the minimum): long passphrases are always allowed.
struct PasswordRules {
    int min_length = 12;
    int max_length = 1024;
};

// What a password must not contain: the login, and the parts of the holder's name as stored
// (surname, first name, patronymic, in Cyrillic).
struct PasswordContext {
    std::string_view login;
    std::vector<std::string> name_parts;
};

// The NFC form of a password: what is checked and what is hashed, so «ё» typed as е+U+0308 and
// as U+0451 are the same password. Nothing if the input is not valid UTF-8.
std::optional<std::string> normalize_password(std::string_view password);

// Why the (already normalised) password is not acceptable, or nothing. Pass named
// PasswordContext/PasswordRules values: bare braces can select the older overload below.
std::optional<std::string> password_problem(std::string_view normalized,
                                            const PasswordContext& context,
                                            const PasswordRules& rules);

// The older check with only a login to avoid; normalises the password first.
std::optional<std::string> password_problem(std::string_view password, std::string_view login,
                                            int min_length);

// Whether the password is on the shipped list of common passwords (data/common-passwords.txt),
// ignoring case and compatibility forms, with ё and е the same.
bool is_common_password(std::string_view normalized);

}  // namespace schoolctl::domain
