#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class ReportCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* class_list_ = nullptr;
    std::optional<std::string> class_;
    bool birth_dates_ = false;
    std::optional<std::string> format_;
    std::string out_ = "-";
};

}  // namespace schoolctl::cli
