#pragma once
// The schema of schoolctl.toml(5) as data, one row per key. The reader, `config show`, the man
// page test and the docs all walk this table: a key exists exactly when it has a row here.
#include "domain/settings.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace schoolctl::formats {

enum class KeyType {
    string,
    integer,
    boolean,
    decimal, // a TOML float or integer, or a string "4,60": held as integer hundredths (460)
    date,    // TOML local date, or a "YYYY-MM-DD" / "DD.MM.YYYY" string
    time, // "HH:MM" string (or a TOML local time)
    integer_array,
    string_array,
    table_array,       // [[periods]]: one table per entry
    inline_table_array // lessons = [ { number = 1, ... }, ... ]
};

// One value of any key. monostate means "not set" (academic_year.start has no default).
// A decimal travels as int64 hundredths.
using ConfigValue =
    std::variant<std::monostate, std::string, std::int64_t, bool, domain::Date, std::vector<int>,
                 std::vector<std::string>, std::vector<domain::AttestationPeriod>,
                 std::vector<domain::Holiday>, std::vector<domain::BellSchedule>,
                 std::vector<domain::ProductionDay>, std::vector<domain::Threshold>,
                 std::vector<domain::WorkType>, std::vector<domain::MarkScale>>;

// How a top-level key reads and writes its Settings member.
struct KeyAccess {
    ConfigValue (*get)(const domain::Settings&) = nullptr;
    void (*set)(domain::Settings&, ConfigValue&&) = nullptr;
};

struct ConfigKey {
    std::string_view name; // dotted; "periods.code" is a field of each [[periods]] entry
    KeyType type = KeyType::string;
    std::string_view default_text; // the built-in default as TOML text; "" = no default
    std::string_view doc;          // one line, for schoolctl.toml(5) and `config show`
    KeyAccess access = {};         // empty for fields of array entries: they are not settings
    // What is allowed: integers (and integer-array elements) in [min, max]; strings at least
    // `min` bytes long; when `choices` is not empty, only those values (as TOML text). Decimals
    // take no range here: their rules name the value in points, in the reader of their array.
    std::int64_t min = 0;
    std::int64_t max = 0;
    std::vector<std::string_view> choices = {};
    // A rule the fields above cannot say; returns why the value is wrong.
    std::optional<std::string> (*check)(const ConfigValue&) = nullptr;

    bool is_item_field() const { return access.get == nullptr; }
    std::string_view type_name() const; // "string", "array of tables", ...: as the man page
};

// Every key in schema order: the order of schoolctl.toml(5) and of `config show`.
const std::vector<ConfigKey>& config_keys();

const ConfigKey* find_config_key(std::string_view dotted_name);

// Names one level below `parent` ("" = top level): tables, keys and arrays of tables. For a
// table array ("periods") these are its entries' fields. Used to suggest a fix for a typo.
std::vector<std::string> config_names_under(std::string_view parent);

// True when `dotted_name` is a table of keys, such as "school" or "reports".
bool is_config_section(std::string_view dotted_name);

// What an unknown dotted name was probably meant to be: a sibling that is a small edit away
// ("school.nmae" -> "school.name"), else the same key in another table ("school.path" ->
// "database.path"). Nothing when no guess is good enough to print.
std::optional<std::string> suggest_config_name(std::string_view unknown);

// The value as it would be written in schoolctl.toml ("" for monostate).
std::string to_toml(const ConfigValue& value);

} // namespace schoolctl::formats
