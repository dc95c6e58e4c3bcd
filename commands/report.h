#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class ReportCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    void add_output_options(CLI::App& sub);
    // --class/--parallel/--all-classes, --period or --from/--to, --lang.
    void add_scope_options(CLI::App& sub);

    CLI::App* class_list_ = nullptr;
    CLI::App* timetable_ = nullptr;
    CLI::App* substitutions_ = nullptr;
    CLI::App* unseen_ = nullptr;
    CLI::App* performance_ = nullptr;
    CLI::App* attendance_ = nullptr;
    CLI::App* class_summary_ = nullptr;
    CLI::App* report_card_ = nullptr;
    CLI::App* at_risk_ = nullptr;
    CLI::App* school_summary_ = nullptr;
    CLI::App* all_ = nullptr;
    CLI::App* journal_page_ = nullptr;
    CLI::App* custom_ = nullptr;
    std::string spec_file_;
    std::string subject_;
    std::optional<std::string> group_;
    unsigned threads_ = 0;
    // `report all`: every standard report into one directory; returns the exit code.
    int run_all(Context& ctx);
    int run_days_ = 3;
    bool split_ = false;
    std::optional<int> parallel_;
    bool all_classes_ = false;
    std::optional<std::string> period_;
    std::optional<std::string> lang_;  // default: reports.language
    int threshold_ = 30;
    std::string basis_ = "pupils";
    std::optional<std::string> class_;
    std::optional<std::string> teacher_;
    std::optional<std::string> room_;
    std::string by_ = "class";
    std::optional<std::string> week_;
    std::optional<std::string> month_;
    std::optional<std::string> from_;
    std::optional<std::string> to_;
    bool birth_dates_ = false;
    std::optional<std::string> format_;
    std::string out_ = "-";
};

}  // namespace schoolctl::cli
