#include "domain/password_policy.h"

#include <algorithm>
#include <cctype>

namespace schoolctl::domain {
namespace {

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

}  // namespace

std::optional<std::string> password_problem(std::string_view password, std::string_view login,
                                            int min_length) {
    if (utf8_length(password) < static_cast<std::size_t>(std::max(min_length, 1))) {
        return "a password needs at least " + std::to_string(min_length) + " characters";
    }
    if (!login.empty() && lower_ascii(password).find(lower_ascii(login)) != std::string::npos) {
        return "a password must not contain the login";
    }
    bool all_same = std::all_of(password.begin(), password.end(),
                                [&](char c) { return c == password.front(); });
    if (all_same) {
        return "a password must not repeat one character";
    }
    return std::nullopt;
}

}  // namespace schoolctl::domain
