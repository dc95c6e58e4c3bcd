#pragma once
#include "commands/command.h"

namespace schoolctl::cli {

class ExportCommand : public Command {
  public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

  private:
    CLI::App* roster_ = nullptr;
    std::string format_;
    std::string out_;
    std::string oneroster_version_ = "1.1";
};

} // namespace schoolctl::cli
