#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

// Why a new password is not acceptable, or nothing. Length counts characters, not bytes, so a
// Cyrillic password is not penalised.
std::optional<std::string> password_problem(std::string_view password, std::string_view login,
                                            int min_length);

}  // namespace schoolctl::domain
