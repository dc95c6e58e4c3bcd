#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class AuditCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* list_ = nullptr;
    CLI::App* verify_ = nullptr;
    std::optional<std::string> since_;
    std::optional<std::string> object_;
    std::optional<std::string> action_;
    std::optional<std::string> expect_;
    std::size_t limit_ = 0;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
