#include "app/config_loader.h"

#include "formats/config_keys.h"
#include "formats/config_reader.h"
#include "formats/config_validate.h"
#include "util/error.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>

namespace schoolctl::app {
namespace {

namespace fs = std::filesystem;
using formats::ConfigKey;
using formats::ConfigState;
using formats::ConfigValue;

constexpr std::string_view config_variable = "SCHOOLCTL_CONFIG";

std::optional<std::string> env_value(const ConfigSources& s, std::string_view name) {
    auto it = s.env.find(std::string{name});
    if (it == s.env.end() || it->second.empty()) {
        return std::nullopt;
    }
    return it->second;
}

fs::path resolve(const ConfigSources& s, const fs::path& p) {
    return p.is_absolute() || s.cwd.empty() ? p : s.cwd / p;
}

// The XDG base directory spec says a relative $XDG_CONFIG_HOME is to be ignored.
std::optional<fs::path> config_home(const ConfigSources& s) {
    if (s.xdg_config_home && s.xdg_config_home->is_absolute()) {
        return s.xdg_config_home;
    }
    if (s.home && !s.home->empty()) {
        return *s.home / ".config";
    }
    return std::nullopt;
}

bool file_exists(const fs::path& p) {
    std::error_code ec;
    return fs::exists(p, ec);
}

bool same_file(const fs::path& a, const fs::path& b) {
    std::error_code ec;
    return fs::equivalent(a, b, ec);
}

// A value from the environment or a flag: text converted to the key's type, then the same
// rules as in a file.
void apply_text(ConfigState& state, std::string_view key_name, const std::string& text,
                const std::string& origin) {
    const ConfigKey& key = *formats::find_config_key(key_name);
    Location where{origin, 0, std::string{key_name}};
    ConfigValue value = text;
    if (key.type == formats::KeyType::integer) {
        std::int64_t n = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
        if (ec != std::errc{} || end != text.data() + text.size()) {
            state.problems.push_back({where, "expected an integer, got \"" + text + "\""});
            return;
        }
        value = n;
    }
    if (auto why = formats::check_value(key, value)) {
        state.problems.push_back({where, *why});
        return;
    }
    key.access.set(state.settings, std::move(value));
    state.sources[std::string{key_name}] = formats::KeySource{Location{origin, 0, {}}, {}};
}

// File by file in precedence order, each top to bottom, then the environment and flags: the
// rules between keys are checked last but read best next to the lines they point at.
void sort_by_place(std::vector<formats::ConfigProblem>& problems,
                   const std::vector<fs::path>& files) {
    auto rank = [&](const Location& where) {
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (files[i].string() == where.file) {
                return i;
            }
        }
        return files.size();
    };
    std::stable_sort(problems.begin(), problems.end(),
                     [&](const formats::ConfigProblem& a, const formats::ConfigProblem& b) {
                         auto ra = rank(a.where), rb = rank(b.where);
                         return ra != rb ? ra < rb : a.where.line < b.where.line;
                     });
}

struct Layered {
    ConfigState state;
    std::vector<fs::path> files;
};

Layered layer(const ConfigSources& sources) {
    Layered out;
    out.files = config_files(sources);
    for (const auto& file : out.files) {
        formats::apply_config_file(file, out.state);
    }
    for (const auto& setting : config_environment()) {
        if (auto text = env_value(sources, setting.variable)) {
            apply_text(out.state, setting.key, *text, "env " + std::string{setting.variable});
        }
    }
    if (sources.flag_db) {
        apply_text(out.state, "database.path", *sources.flag_db, "flag --db");
    }
    formats::check_consistency(out.state);
    sort_by_place(out.state.problems, out.files);
    return out;
}

domain::SettingOrigins origins(const ConfigState& state) {
    domain::SettingOrigins out;
    for (const auto& key : formats::config_keys()) {
        if (key.is_item_field()) {
            continue;
        }
        auto it = state.sources.find(key.name);
        out.emplace_back(
            std::string{key.name},
            domain::SettingOrigin{formats::to_toml(key.access.get(state.settings)),
                                  it == state.sources.end() ? "default" : it->second.where.str()});
    }
    return out;
}

std::vector<std::string> messages(const ConfigState& state) {
    std::vector<std::string> out;
    for (const auto& p : state.problems) {
        out.push_back(p.message());
    }
    return out;
}

} // namespace

const std::vector<EnvSetting>& config_environment() {
    static const std::vector<EnvSetting> settings = {
        {"SCHOOLCTL_DB", "database.path"},
        {"SCHOOLCTL_BUSY_TIMEOUT", "database.busy_timeout_ms"},
        {"SCHOOLCTL_LANG", "reports.language"},
    };
    return settings;
}

std::vector<fs::path> config_files(const ConfigSources& sources) {
    std::vector<fs::path> found;
    auto add = [&](const fs::path& p) {
        for (const auto& f : found) {
            if (same_file(f, p)) {
                return; // ./schoolctl.toml named again by --config: read it once
            }
        }
        found.push_back(p);
    };
    if (auto dir = config_home(sources)) {
        if (auto user = *dir / "schoolctl" / "config.toml"; file_exists(user)) {
            add(user);
        }
    }
    if (auto local = resolve(sources, "schoolctl.toml"); file_exists(local)) {
        add(local);
    }
    std::optional<fs::path> chosen = sources.explicit_file;
    if (!chosen) {
        if (auto from_env = env_value(sources, config_variable)) {
            chosen = fs::path{*from_env};
        }
    }
    if (chosen) {
        fs::path file = resolve(sources, *chosen);
        if (!file_exists(file)) {
            throw Error(ExitCode::no_input, file.string() + ": config file not found");
        }
        add(file);
    }
    return found;
}

LoadedConfig load_config(const ConfigSources& sources) {
    Layered layered = layer(sources);
    if (!layered.state.problems.empty()) {
        std::string all;
        for (const auto& m : messages(layered.state)) {
            all += (all.empty() ? "" : "\n") + m;
        }
        throw Error(ExitCode::config, all);
    }
    LoadedConfig out;
    out.origins = origins(layered.state);
    out.settings = std::move(layered.state.settings);
    out.files = std::move(layered.files);
    return out;
}

std::vector<std::string> check_config(const ConfigSources& sources) {
    return messages(layer(sources).state);
}

ConfigSources sources_from_environment(std::optional<fs::path> explicit_file,
                                       std::optional<std::string> flag_db) {
    ConfigSources s;
    s.explicit_file = std::move(explicit_file);
    s.flag_db = std::move(flag_db);
    auto read = [](std::string_view name) -> std::optional<std::string> {
        const char* v = std::getenv(std::string{name}.c_str());
        return v != nullptr && *v != '\0' ? std::optional<std::string>{v} : std::nullopt;
    };
    for (const auto& setting : config_environment()) {
        if (auto v = read(setting.variable)) {
            s.env[std::string{setting.variable}] = *v;
        }
    }
    if (auto v = read(config_variable)) {
        s.env[std::string{config_variable}] = *v;
    }
    if (auto v = read("XDG_CONFIG_HOME")) {
        s.xdg_config_home = fs::path{*v};
    }
    if (auto v = read("HOME")) {
        s.home = fs::path{*v};
    }
    std::error_code ec;
    s.cwd = fs::current_path(ec);
    if (ec) {
        s.cwd = ".";
    }
    return s;
}

} // namespace schoolctl::app
