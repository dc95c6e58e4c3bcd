#pragma once
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

class GuardiansCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* link_ = nullptr;
    CLI::App* unlink_ = nullptr;
    std::string guardian_;
    std::string pupil_;
    std::string relation_;
};

}  // namespace schoolctl::cli
