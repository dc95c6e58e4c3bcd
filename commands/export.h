#pragma once
#include "commands/command.h"

#include <optional>
#include <string>

namespace schoolctl::cli {

// `schoolctl export roster|ics`: the roster as files to import again, lessons as iCalendar.
class ExportCommand : public Command {
  public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

  private:
    void add_roster(CLI::App& app);
    void add_ics(CLI::App& app);
    int run_roster(Context& ctx);
    int run_ics(Context& ctx);

    CLI::App* roster_ = nullptr;
    std::string format_;
    std::string out_;
    std::string oneroster_version_ = "1.1";

    CLI::App* ics_ = nullptr;
    std::optional<std::string> class_;
    std::optional<std::string> teacher_;
    std::optional<std::string> room_;
    std::optional<std::string> from_;
    std::optional<std::string> to_;
    std::string ics_out_ = "-";
};

} // namespace schoolctl::cli
