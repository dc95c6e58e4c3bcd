#include "formats/config_validate.h"

#include <algorithm>
#include <limits>

namespace schoolctl::formats {
namespace {

// "ru or en", "5 or 6", "a, b or c"
std::string one_of(const std::vector<std::string_view>& choices, bool quote) {
    std::string out;
    for (std::size_t i = 0; i < choices.size(); ++i) {
        if (i > 0) {
            out += i + 1 == choices.size() ? " or " : ", ";
        }
        out += quote ? "\"" + std::string{choices[i]} + "\"" : std::string{choices[i]};
    }
    return out;
}

std::optional<std::string> check_integer(const ConfigKey& key, std::int64_t v) {
    std::string text = std::to_string(v);
    if (!key.choices.empty()) {
        if (std::find(key.choices.begin(), key.choices.end(), text) == key.choices.end()) {
            return "must be " + one_of(key.choices, false) + ", got " + text;
        }
        return std::nullopt;
    }
    constexpr std::int64_t int_min = std::numeric_limits<int>::min();
    constexpr std::int64_t int_max = std::numeric_limits<int>::max();
    std::int64_t lo = key.max > key.min ? key.min : int_min;
    std::int64_t hi = key.max > key.min ? key.max : int_max;
    if (v < lo || v > hi) {
        if (hi == int_max) {
            return "must be " + std::to_string(lo) + " or more, got " + text;
        }
        return "must be from " + std::to_string(lo) + " to " + std::to_string(hi) + ", got " + text;
    }
    return std::nullopt;
}

std::optional<std::string> check_string(const ConfigKey& key, const std::string& s) {
    if (key.min > 0 && static_cast<std::int64_t>(s.size()) < key.min) {
        return std::string{"must not be empty"};
    }
    if (!key.choices.empty() &&
        std::find(key.choices.begin(), key.choices.end(), s) == key.choices.end()) {
        return "must be " + one_of(key.choices, true) + ", got \"" + s + "\"";
    }
    return std::nullopt;
}

std::optional<std::string> check_list(const ConfigKey& key, const std::vector<int>& v) {
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (auto why = check_integer(key, v[i])) {
            return *why;
        }
        if (std::find(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(i), v[i]) !=
            v.begin() + static_cast<std::ptrdiff_t>(i)) {
            return std::to_string(v[i]) + " is listed twice";
        }
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> check_value(const ConfigKey& key, const ConfigValue& value) {
    std::optional<std::string> why;
    if (const auto* s = std::get_if<std::string>(&value)) {
        why = check_string(key, *s);
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        why = check_integer(key, *i);
    } else if (const auto* list = std::get_if<std::vector<int>>(&value)) {
        why = check_list(key, *list);
    }
    if (!why && key.check != nullptr) {
        why = key.check(value);
    }
    return why;
}

std::optional<int> parse_hhmm(std::string_view text) {
    auto colon = text.find(':');
    if (colon == std::string_view::npos || colon < 1 || colon > 2 || text.size() != colon + 3) {
        return std::nullopt;
    }
    int parts[2] = {0, 0};
    std::string_view fields[2] = {text.substr(0, colon), text.substr(colon + 1)};
    for (int i = 0; i < 2; ++i) {
        for (char c : fields[i]) {
            if (c < '0' || c > '9') {
                return std::nullopt;
            }
            parts[i] = parts[i] * 10 + (c - '0');
        }
    }
    if (parts[0] > 23 || parts[1] > 59) {
        return std::nullopt;
    }
    return parts[0] * 60 + parts[1];
}

} // namespace schoolctl::formats
