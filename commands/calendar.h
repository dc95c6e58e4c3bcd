#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl calendar show|import`: the study calendar of the academic year.
class CalendarCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_show(Context& ctx);
    int run_import(Context& ctx);

    CLI::App* show_ = nullptr;
    CLI::App* import_ = nullptr;
    std::optional<std::string> month_;
    std::optional<int> grade_;
    std::string format_ = "table";
    std::string file_;
    bool dry_run_ = false;
    std::string encoding_ = "auto";
    std::optional<std::string> sheet_;
    std::optional<std::string> input_format_;
};

}  // namespace schoolctl::cli
