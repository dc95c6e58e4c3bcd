#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl lesson topic|homework|remark|show`: a lesson's page of the journal.
class LessonCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_note(Context& ctx);
    int run_remark(Context& ctx);
    int run_show(Context& ctx);

    CLI::App* topic_ = nullptr;
    CLI::App* homework_ = nullptr;
    CLI::App* remark_ = nullptr;
    CLI::App* show_ = nullptr;

    std::optional<std::string> class_;
    std::optional<std::string> group_;
    std::optional<std::string> subject_;
    std::optional<std::string> pupil_;
    std::string date_;
    std::optional<int> lesson_;
    std::string text_;
    std::optional<std::string> file_;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
