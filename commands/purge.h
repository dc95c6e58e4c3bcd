#pragma once
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

class PurgeCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    std::string left_before_;
    bool dry_run_ = false;
};

}  // namespace schoolctl::cli
