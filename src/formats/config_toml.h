#pragma once
// Internal to src/formats/config_*.cpp: reading toml++ nodes against the schema table. This
// and the config_*.cpp files are the only code that sees toml++; nothing outside formats/
// includes this header.
#include "formats/config_keys.h"
#include "formats/config_reader.h"

#include <optional>
#include <string>
#include <toml++/toml.h>
#include <vector>

namespace schoolctl::formats::detail {

// The problems of one source, each tagged with the source's name.
class Report {
  public:
    Report(std::string source, std::vector<ConfigProblem>& out)
        : source_(std::move(source)), out_(out) {}

    void add(std::size_t line, std::string_view key, std::string reason) {
        out_.push_back({Location{source_, line, std::string{key}}, std::move(reason)});
    }
    // "unknown key "school.nmae"; did you mean "school.name"?"
    void unknown_key(std::size_t line, std::string_view dotted_name);

    std::size_t count() const { return out_.size(); }
    const std::string& source() const { return source_; }

  private:
    std::string source_;
    std::vector<ConfigProblem>& out_;
};

inline std::size_t line_of(const toml::node& n) {
    return n.source().begin.line;
}

// "a string", "an integer": what the user wrote, for "expected X, got Y".
std::string a_type(const toml::node& n);

// Converts `node` to a value of `key` and checks it against the schema row. On a problem:
// reports it at `line` (the key's line) and returns nothing. Entries of an array of tables
// are read by read_entries, which records each applied entry's line in `item_lines`.
std::optional<ConfigValue> read_value(const ConfigKey& key, const toml::node& node,
                                      std::size_t line, Report& report,
                                      std::vector<std::size_t>& item_lines);

// [[periods]], [[holidays]], [[bells]]: the entries that are right; every wrong one reported.
std::optional<ConfigValue> read_entries(const ConfigKey& key, const toml::array& entries,
                                        Report& report, std::vector<std::size_t>& item_lines);

} // namespace schoolctl::formats::detail
