#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class LogoutCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;
};

}  // namespace schoolctl::cli
