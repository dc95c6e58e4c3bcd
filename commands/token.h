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
    CLI::App* list_ = nullptr;
    CLI::App* revoke_ = nullptr;
    std::string name_;
    std::optional<int> days_;
    std::optional<std::string> expires_;
    std::optional<std::string> account_;
    std::string format_ = "table";
    std::int64_t id_ = 0;
};

}  // namespace schoolctl::cli
