#pragma once
// Reads one schoolctl.toml(5) file and applies the keys it sets onto Settings. Layering several
// files, the environment and flags is app/config_loader's job; this reads one source.
#include "domain/settings.h"
#include "util/error.h"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

// One thing wrong with the configuration. where.field is the dotted key when the problem is
// about a key's value (empty for syntax errors and unknown keys).
struct ConfigProblem {
    Location where;
    std::string reason;

    std::string message() const; // "PATH:LINE: key: reason"
};

// Where a key's current value came from. For env and flags `where.file` names the variable or
// flag ("env SCHOOLCTL_DB") and line is 0.
struct KeySource {
    Location where;
    std::vector<std::size_t> item_lines; // arrays of tables: each applied entry's line
};

// Settings being built up layer by layer, with every problem found on the way.
struct ConfigState {
    domain::Settings settings;
    std::map<std::string, KeySource, std::less<>> sources; // keys set so far; absent = default
    std::vector<ConfigProblem> problems;
};

// Parses `toml_text` (named `source_name` in messages) and applies every key it sets onto
// state.settings, recording where it came from. Each problem is appended to state.problems;
// a key with a problem keeps its previous value (an array of tables keeps its good entries).
void apply_config_text(std::string_view toml_text, const std::string& source_name,
                       ConfigState& state);

// The same for a file, named by its path in messages. Throws Error(no_input) when the file
// cannot be read.
void apply_config_file(const std::filesystem::path& file, ConfigState& state);

} // namespace schoolctl::formats
