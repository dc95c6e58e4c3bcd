#pragma once
// The shipped list of common passwords (data/common-passwords.txt), embedded at build time.
#include <string_view>
#include <vector>

namespace schoolctl::domain {

// The whole file as shipped, comments included.
std::string_view common_passwords_text();

// Its entries as written there: comment lines ('#') and empty lines left out.
std::vector<std::string_view> common_password_entries();

}  // namespace schoolctl::domain
