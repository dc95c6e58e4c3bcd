#pragma once
// The rules a configuration value must follow beyond its TOML type: one value against its
// schema row, and the keys against each other once every layer is applied.
#include "formats/config_keys.h"
#include "formats/config_reader.h"

#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::formats {

// Why `value` is not allowed for `key` (range, choices, length, the key's own check), or
// nothing when it is fine. The value must already have the key's type.
std::optional<std::string> check_value(const ConfigKey& key, const ConfigValue& value);

// Minutes since midnight of a "HH:MM" (or "H:MM") time; nothing for anything else.
std::optional<int> parse_hhmm(std::string_view text);

// Rules between keys, checked after the last layer: the academic year has both ends in order
// and lasts at most a year; periods and holidays lie inside it; periods for a common grade
// neither overlap nor share a code; bell schedule names are unique; a threshold for «2» needs
// «1» allowed; work type codes and names, and scale codes, are unique; the default work type
// exists; attendance labels differ. Appends to state.problems; a rule whose keys already have
// a problem is skipped rather than guessed at.
void check_consistency(ConfigState& state);

} // namespace schoolctl::formats
