#include "commands/command.h"

namespace schoolctl::cli {

void describe(CLI::App& app, const CommandInfo& info) {
    if (info.examples.empty()) {
        return;
    }
    std::string footer = "\nExamples:\n";
    for (const auto& e : info.examples) {
        footer += "  " + e + "\n";
    }
    app.footer(footer);
}

CLI::App* chosen(CLI::App& app) {
    for (CLI::App* sub : app.get_subcommands()) {
        if (sub->parsed()) {
            return sub;
        }
    }
    return nullptr;
}

}  // namespace schoolctl::cli
