// One TOML value converted to the type its schema row asks for, with the row's rules applied.
#include "domain/date.h"
#include "formats/config_toml.h"
#include "formats/config_validate.h"

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
    if (key.type == KeyType::table_array) {
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
