#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl schedule generate|show|check|substitute|cancel|move`: the dated lessons of the year.
class ScheduleCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_generate(Context& ctx);
    int run_show(Context& ctx);
    int run_check(Context& ctx);
    int run_change(Context& ctx);

    CLI::App* generate_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* check_ = nullptr;
    CLI::App* substitute_ = nullptr;
    CLI::App* cancel_ = nullptr;
    CLI::App* move_ = nullptr;
    CLI::App* restore_ = nullptr;

    std::optional<std::string> from_;
    std::optional<std::string> to_;
    bool dry_run_ = false;
    std::string format_ = "table";

    std::optional<std::string> class_;
    std::optional<std::string> teacher_;
    std::optional<std::string> room_;
    std::optional<std::string> week_;

    std::string date_;
    int lesson_ = 0;
    std::optional<std::string> group_;
    std::optional<std::string> subject_;
    std::string substitute_teacher_;
    std::optional<std::string> to_date_;
    std::optional<int> to_lesson_;
    std::optional<std::string> to_room_;
    std::string reason_;
};

}  // namespace schoolctl::cli
