#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl diary`: a pupil's week with lessons, homework, marks, absences and remarks.
class DiaryCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    std::string pupil_;
    std::optional<std::string> week_;
    std::optional<std::string> format_;
    std::string out_ = "-";
};

}  // namespace schoolctl::cli
