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
    CLI::App* history_ = nullptr;
    std::optional<std::string> rejects_;
    std::size_t max_rejects_ = 0;
    std::size_t limit_ = 0;
    std::string file_;
    bool dry_run_ = false;
    std::string encoding_ = "auto";
    std::optional<std::string> delimiter_;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
