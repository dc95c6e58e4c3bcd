#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class WhoamiCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
