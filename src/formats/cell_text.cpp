#include "formats/cell_text.h"

#include <charconv>
#include <type_traits>

namespace schoolctl::formats {

std::string decimal_text(const report::Decimal& d, char point) {
    const auto places = static_cast<std::size_t>(d.places > 0 ? d.places : 0);
    // Through unsigned so that the most negative value has a magnitude too.
    const bool negative = d.scaled < 0;
    const auto magnitude =
        negative ? 0 - static_cast<std::uint64_t>(d.scaled) : static_cast<std::uint64_t>(d.scaled);
    std::string digits = std::to_string(magnitude);
    if (digits.size() <= places) {
        digits.insert(0, places + 1 - digits.size(), '0');
    }
    if (places > 0) {
        digits.insert(digits.size() - places, 1, point);
    }
    return negative ? "-" + digits : digits;
}

double decimal_value(const report::Decimal& d) {
    // from_chars rounds correctly and ignores the locale; scaled / 10^places would round twice.
    const std::string text = decimal_text(d, '.');
    double value = 0;
    std::from_chars(text.data(), text.data() + text.size(), value);
    return value;
}

std::string cell_text(const report::Cell& cell, TextStyle style) {
    return std::visit(
        [style](const auto& v) -> std::string {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::monostate>) {
                return {};
            } else if constexpr (std::is_same_v<T, std::string>) {
                return v;
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
                return std::to_string(v);
            } else if constexpr (std::is_same_v<T, report::Decimal>) {
                return decimal_text(v, style == TextStyle::ru ? ',' : '.');
            } else {
                return style == TextStyle::ru ? domain::format_ru(v) : domain::format_iso(v);
            }
        },
        cell);
}

bool is_number(const report::Cell& cell) {
    return std::holds_alternative<std::int64_t>(cell) ||
           std::holds_alternative<report::Decimal>(cell);
}

} // namespace schoolctl::formats
