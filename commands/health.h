#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

class HealthCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* set_ = nullptr;
    CLI::App* remove_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* export_ = nullptr;
    std::string pupil_;
    std::optional<std::string> group_;
    std::optional<std::string> pe_group_;
    std::optional<std::string> note_;
    std::optional<std::string> class_;
    std::string format_ = "table";
    std::optional<std::string> export_format_;
    std::string out_;
};

}  // namespace schoolctl::cli
