#pragma once
// The effective configuration, layered lowest to highest: built-in defaults,
// $XDG_CONFIG_HOME/schoolctl/config.toml, ./schoolctl.toml, --config FILE (or
// $SCHOOLCTL_CONFIG), SCHOOLCTL_* variables, flags. Files are layered key by key; an array of
// tables ([[periods]]) in a higher file replaces the lower one whole. The inputs arrive as data
// so that tests never touch the real environment.
#include "domain/settings.h"

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::app {

struct ConfigSources {
    std::optional<std::filesystem::path> explicit_file; // --config FILE: must exist
    std::map<std::string, std::string> env; // SCHOOLCTL_*; an empty value counts as unset
    std::optional<std::string> flag_db;     // --db PATH
    std::filesystem::path cwd;              // where ./schoolctl.toml is looked for
    std::optional<std::filesystem::path> xdg_config_home; // $XDG_CONFIG_HOME
    std::optional<std::filesystem::path> home;            // $HOME: ~/.config without XDG
};

struct LoadedConfig {
    domain::Settings settings;
    domain::SettingOrigins origins;           // every schema key, in schema order
    std::vector<std::filesystem::path> files; // files read, lowest precedence first
};

// An environment variable that sets a key (SCHOOLCTL_CONFIG, which names a file, is not one).
struct EnvSetting {
    std::string_view variable; // "SCHOOLCTL_DB"
    std::string_view key;      // "database.path"
};
const std::vector<EnvSetting>& config_environment();

// The config files to read, lowest precedence first: those of them that exist, plus the
// explicit one. Throws Error(no_input) when the explicit file (--config or SCHOOLCTL_CONFIG)
// does not exist.
std::vector<std::filesystem::path> config_files(const ConfigSources& sources);

// Throws Error(config) listing every problem, one per line as "PATH:LINE: key: reason";
// Error(no_input) for a missing explicit file, or a file that cannot be read.
LoadedConfig load_config(const ConfigSources& sources);

// Every problem of the configuration, empty when it is fine; throws like load_config() only
// when a file is missing or unreadable.
std::vector<std::string> check_config(const ConfigSources& sources);

// The sources of this process: the SCHOOLCTL_* variables, XDG_CONFIG_HOME, HOME and the working
// directory. The only function here that reads the process environment.
ConfigSources sources_from_environment(std::optional<std::filesystem::path> explicit_file,
                                       std::optional<std::string> flag_db);

} // namespace schoolctl::app
