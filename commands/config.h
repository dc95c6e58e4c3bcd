#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class ConfigCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* show_ = nullptr;
    CLI::App* check_ = nullptr;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
