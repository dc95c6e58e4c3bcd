#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class TokenCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* create_ = nullptr;
    std::string name_;
    std::optional<int> days_;
};

}  // namespace schoolctl::cli
