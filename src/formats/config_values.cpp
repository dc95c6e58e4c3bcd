// One TOML value converted to the type its schema row asks for, with the row's rules applied.
#include "domain/date.h"
#include "formats/config_toml.h"
#include "formats/config_validate.h"

#include <cmath>
#include <cstdio>
#include <limits>

namespace schoolctl::formats::detail {
namespace {

std::string expected(KeyType type) {
    switch (type) {
    case KeyType::string:
        return "a string";
    case KeyType::integer:
        return "an integer";
    case KeyType::boolean:
        return "true or false";
    case KeyType::decimal:
        return "a number (4.60 or \"4,60\")";
    case KeyType::date:
        return "a date (YYYY-MM-DD)";
    case KeyType::time:
        return "a time string \"HH:MM\"";
    case KeyType::integer_array:
        return "an array of integers";
    case KeyType::string_array:
        return "an array of strings";
    case KeyType::table_array:
    case KeyType::inline_table_array:
        return "an array of tables";
    }
    return "a value";
}

std::optional<ConfigValue> to_date(const toml::node& node, std::string& why) {
    if (const auto* d = node.as_date()) {
        const toml::date& v = d->get();
        return domain::Date{std::chrono::year{v.year}, std::chrono::month{v.month},
                            std::chrono::day{v.day}};
    }
    // Dates typed in Excel's habit arrive as strings; both spellings are accepted.
    if (const auto* s = node.as_string()) {
        if (auto d = domain::parse_date(s->get())) {
            return *d;
        }
        why = "\"" + s->get() + "\" is not a date (expected YYYY-MM-DD or DD.MM.YYYY)";
    }
    return std::nullopt;
}

std::optional<ConfigValue> to_time(const toml::node& node, std::string& why) {
    int minutes = -1;
    if (const auto* t = node.as_time()) {
        const toml::time& v = t->get();
        if (v.second == 0 && v.nanosecond == 0) {
            minutes = v.hour * 60 + v.minute;
        }
    } else if (const auto* s = node.as_string()) {
        minutes = parse_hhmm(s->get()).value_or(-1);
        if (minutes < 0) {
            why = "\"" + s->get() + "\" is not a time (expected HH:MM)";
        }
    }
    if (minutes < 0) {
        return std::nullopt;
    }
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60, minutes % 60);
    return std::string{buf};
}

// The largest decimal a key takes: a hundred-point scale's 100.00 with room to spare, and far
// from overflowing a weighted sum.
constexpr std::int64_t max_hundredths = 100000;

// "4,60", "4.6", "5": digits with at most two decimals after a comma or a point, exactly.
std::optional<std::int64_t> hundredths_of_text(std::string_view text) {
    std::int64_t whole = 0;
    std::int64_t fraction = 0;
    std::size_t digits = 0, decimals = 0;
    bool after_point = false;
    for (char c : text) {
        if ((c == ',' || c == '.') && !after_point && digits > 0) {
            after_point = true;
        } else if (c >= '0' && c <= '9' && !after_point && digits < 9) {
            whole = whole * 10 + (c - '0');
            ++digits;
        } else if (c >= '0' && c <= '9' && after_point && decimals < 2) {
            fraction = fraction * 10 + (c - '0');
            ++decimals;
        } else {
            return std::nullopt;
        }
    }
    if (digits == 0 || (after_point && decimals == 0)) {
        return std::nullopt;
    }
    return whole * 100 + (decimals == 1 ? fraction * 10 : fraction);
}

// A TOML float is binary: 4.6 is 4.5999999999999996..., so it is rounded to the nearest
// hundredth, and refused when it was never a number of hundredths (4.605).
std::optional<ConfigValue> to_hundredths(const toml::node& node, std::string& why) {
    std::int64_t value = 0;
    if (const auto* i = node.as_integer()) {
        if (i->get() < 0 || i->get() > max_hundredths / 100) {
            why = std::to_string(i->get()) + " is out of range (0 to " +
                  std::to_string(max_hundredths / 100) + ")";
            return std::nullopt;
        }
        value = i->get() * 100;
    } else if (const auto* f = node.as_floating_point()) {
        double v = f->get();
        double scaled = v * 100.0;
        char shown[64];
        std::snprintf(shown, sizeof shown, "%.10g", v);
        if (!std::isfinite(v) || v < 0 || scaled > static_cast<double>(max_hundredths)) {
            why = std::string{shown} + " is out of range (0 to " +
                  std::to_string(max_hundredths / 100) + ")";
            return std::nullopt;
        }
        double nearest = std::round(scaled);
        if (std::fabs(scaled - nearest) > 1e-6) {
            why = std::string{shown} + " has more than two decimals";
            return std::nullopt;
        }
        value = static_cast<std::int64_t>(nearest);
    } else if (const auto* s = node.as_string()) {
        auto parsed = hundredths_of_text(s->get());
        if (!parsed) {
            why = "\"" + s->get() + "\" is not a number with at most two decimals (e.g. 4.60 or " +
                  "\"4,60\")";
            return std::nullopt;
        }
        if (*parsed > max_hundredths) {
            why = "\"" + s->get() + "\" is out of range (0 to " +
                  std::to_string(max_hundredths / 100) + ")";
            return std::nullopt;
        }
        value = *parsed;
    } else {
        return std::nullopt;
    }
    return value;
}

std::optional<ConfigValue> to_int_list(const toml::node& node, std::string& why) {
    const auto* array = node.as_array();
    if (array == nullptr) {
        return std::nullopt;
    }
    std::vector<int> out;
    for (const auto& element : *array) {
        const auto* i = element.as_integer();
        if (i == nullptr) {
            why = "expected an array of integers, got " + a_type(element) + " in it";
            return std::nullopt;
        }
        if (i->get() < std::numeric_limits<int>::min() ||
            i->get() > std::numeric_limits<int>::max()) {
            why = std::to_string(i->get()) + " is out of range";
            return std::nullopt;
        }
        out.push_back(static_cast<int>(i->get()));
    }
    return out;
}

std::optional<ConfigValue> to_string_list(const toml::node& node, std::string& why) {
    const auto* array = node.as_array();
    if (array == nullptr) {
        return std::nullopt;
    }
    std::vector<std::string> out;
    for (const auto& element : *array) {
        const auto* s = element.as_string();
        if (s == nullptr) {
            why = "expected an array of strings, got " + a_type(element) + " in it";
            return std::nullopt;
        }
        out.push_back(s->get());
    }
    return out;
}

// The value in the key's type; nothing when the node has another type (`why` explains when
// the type was right but the text was not).
std::optional<ConfigValue> convert(const ConfigKey& key, const toml::node& node, std::string& why) {
    switch (key.type) {
    case KeyType::string:
        if (const auto* s = node.as_string()) {
            return s->get();
        }
        return std::nullopt;
    case KeyType::integer:
        if (const auto* i = node.as_integer()) {
            return i->get();
        }
        return std::nullopt;
    case KeyType::boolean:
        if (const auto* b = node.as_boolean()) {
            return b->get();
        }
        return std::nullopt;
    case KeyType::decimal:
        return to_hundredths(node, why);
    case KeyType::date:
        return to_date(node, why);
    case KeyType::time:
        return to_time(node, why);
    case KeyType::integer_array:
        return to_int_list(node, why);
    case KeyType::string_array:
        return to_string_list(node, why);
    case KeyType::table_array:
    case KeyType::inline_table_array:
        return std::nullopt; // read by read_entries()
    }
    return std::nullopt;
}

} // namespace

std::string a_type(const toml::node& n) {
    switch (n.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a float";
    case toml::node_type::boolean:
        return "a boolean";
    case toml::node_type::date:
        return "a date";
    case toml::node_type::time:
        return "a time";
    case toml::node_type::date_time:
        return "a date-time";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    case toml::node_type::none:
        break;
    }
    return "nothing";
}

std::optional<ConfigValue> read_value(const ConfigKey& key, const toml::node& node,
                                      std::size_t line, Report& report,
                                      std::vector<std::size_t>& item_lines) {
    if (key.type == KeyType::table_array || key.type == KeyType::inline_table_array) {
        if (const auto* array = node.as_array()) {
            return read_entries(key, *array, report, item_lines);
        }
        report.add(line, key.name, "expected " + expected(key.type) + ", got " + a_type(node));
        return std::nullopt;
    }
    std::string why;
    auto value = convert(key, node, why);
    if (!value) {
        report.add(line, key.name,
                   why.empty() ? "expected " + expected(key.type) + ", got " + a_type(node) : why);
        return std::nullopt;
    }
    if (auto rule = check_value(key, *value)) {
        report.add(line, key.name, *rule);
        return std::nullopt;
    }
    return value;
}

} // namespace schoolctl::formats::detail
