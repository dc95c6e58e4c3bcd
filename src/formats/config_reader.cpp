#include "formats/config_reader.h"

#include "formats/config_toml.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace schoolctl::formats {

std::string ConfigProblem::message() const {
    std::string place = where.str();
    return place.empty() ? reason : place + ": " + reason;
}

namespace detail {

void Report::unknown_key(std::size_t line, std::string_view dotted_name) {
    std::string reason = "unknown key \"" + std::string{dotted_name} + "\"";
    if (auto guess = suggest_config_name(dotted_name)) {
        reason += "; did you mean \"" + *guess + "\"?";
    }
    add(line, {}, std::move(reason));
}

} // namespace detail

namespace {

using detail::Report;

class Applier {
  public:
    Applier(ConfigState& state, Report& report) : state_(state), report_(report) {}

    // Walks one table of the document; `prefix` is its dotted name ("" for the root).
    void table(const toml::table& t, const std::string& prefix) {
        for (auto&& [k, node] : t) {
            std::string name =
                prefix.empty() ? std::string{k.str()} : prefix + "." + std::string{k.str()};
            std::size_t line = k.source().begin.line;
            const ConfigKey* key = find_config_key(name);
            if (key != nullptr && !key->is_item_field()) {
                value(*key, node, line);
            } else if (is_config_section(name)) {
                if (const auto* sub = node.as_table()) {
                    table(*sub, name);
                } else {
                    report_.add(line, name, "expected a table, got " + detail::a_type(node));
                }
            } else {
                report_.unknown_key(line, name);
            }
        }
    }

  private:
    void value(const ConfigKey& key, const toml::node& node, std::size_t line) {
        std::vector<std::size_t> item_lines;
        auto v = detail::read_value(key, node, line, report_, item_lines);
        if (!v) {
            return;
        }
        key.access.set(state_.settings, std::move(*v));
        state_.sources[std::string{key.name}] =
            KeySource{Location{report_.source(), line, {}}, std::move(item_lines)};
    }

    ConfigState& state_;
    Report& report_;
};

} // namespace

void apply_config_text(std::string_view toml_text, const std::string& source_name,
                       ConfigState& state) {
    // Notepad saves UTF-8 with a byte order mark; it is not part of the document.
    if (toml_text.starts_with("\xEF\xBB\xBF")) {
        toml_text.remove_prefix(3);
    }
    std::size_t first = state.problems.size();
    Report report(source_name, state.problems);
    try {
        toml::table doc = toml::parse(toml_text, std::string_view{source_name});
        Applier(state, report).table(doc, {});
    } catch (const toml::parse_error& e) {
        // toml++ stops at the first syntax error, so this is the one problem of the file.
        report.add(e.source().begin.line, {},
                   "TOML syntax error: " + std::string{e.description()} + " (column " +
                       std::to_string(e.source().begin.column) + ")");
    }
    // toml++ keeps keys sorted by name; people read a file top to bottom.
    std::stable_sort(
        state.problems.begin() + static_cast<std::ptrdiff_t>(first), state.problems.end(),
        [](const ConfigProblem& a, const ConfigProblem& b) { return a.where.line < b.where.line; });
}

void apply_config_file(const std::filesystem::path& file, ConfigState& state) {
    // A directory opens fine as a stream and reads as an empty, valid document.
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec)) {
        throw Error(ExitCode::no_input, file.string() + ": is a directory, not a config file");
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        int err = errno;
        throw Error(ExitCode::no_input,
                    file.string() + ": cannot read config file: " + std::strerror(err));
    }
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) {
        throw Error(ExitCode::io, file.string() + ": error reading config file");
    }
    apply_config_text(text.str(), file.string(), state);
}

} // namespace schoolctl::formats
