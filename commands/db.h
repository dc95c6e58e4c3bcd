#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class DbCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* check_ = nullptr;
    CLI::App* backup_ = nullptr;
    CLI::App* migrate_ = nullptr;
    CLI::App* restore_ = nullptr;
    std::string backup_file_;
    std::string restore_file_;

    int run_restore(Context& ctx);
};

}  // namespace schoolctl::cli
