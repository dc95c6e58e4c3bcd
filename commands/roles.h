#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl roles show`: the permission matrix. Needs no database or login: it describes the
// program, not a school.
class RolesCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
