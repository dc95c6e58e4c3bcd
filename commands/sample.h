#pragma once
#include "commands/command.h"

#include <cstdint>
#include <string>

namespace schoolctl::cli {

// `schoolctl sample generate`: a synthetic school or district as files to import.
class SampleCommand : public Command {
  public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

  private:
    int pupils_ = 0;
    int schools_ = 1;
    std::uint64_t seed_ = 1;
    std::string period_ = "Q1";
    std::string out_;
    bool force_ = false;
    unsigned threads_ = 0;
};

} // namespace schoolctl::cli
