#pragma once
// One top-level command: its metadata (reused for help, man-page checks and completion), its
// options, and what it does. Parsing only records the choice; run() performs it.
#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::cli {

class Context;

struct CommandInfo {
    std::string name;
    std::string summary;
    std::string group;                  // help groups: "Setup", "Data", "Reports", "Maintenance"
    std::vector<std::string> examples;  // shown under --help
};

class Command {
public:
    virtual ~Command() = default;
    virtual CommandInfo info() const = 0;
    // `app` is this command's own subcommand, already named and described by the registry.
    virtual void add_cli(CLI::App& app) = 0;
    virtual int run(Context& ctx) = 0;
};

// Adds the examples of `info` as the help footer of `app`.
void describe(CLI::App& app, const CommandInfo& info);

// The subcommand of `app` that was parsed, or nullptr.
CLI::App* chosen(CLI::App& app);

}  // namespace schoolctl::cli
