#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class CompletionCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* self_ = nullptr;
    std::string shell_;
};

}  // namespace schoolctl::cli
