#pragma once
// The command tree as data, read from the parsed CLI11 definition: the one source for shell
// completion and for the test that every command and option is in the man pages.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace schoolctl::cli {

// {"name", "summary", "options": [{"names": [...], "value": bool, "help"}], "positionals": [...],
//  "subcommands": [...]}
nlohmann::json describe_tree(const CLI::App& app);

std::string bash_completion(const nlohmann::json& tree);

}  // namespace schoolctl::cli
