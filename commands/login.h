#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class LoginCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    std::string login_;
    bool password_stdin_ = false;
};

}  // namespace schoolctl::cli
