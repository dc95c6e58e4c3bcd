#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class ImportCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* students_ = nullptr;
    std::string file_;
    bool dry_run_ = false;
    std::string encoding_ = "auto";
    std::optional<std::string> delimiter_;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
