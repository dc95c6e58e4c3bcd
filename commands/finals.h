#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

// `schoolctl finals compute|set|explain|list|lock|unlock`: period and year marks.
class FinalsCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_compute(Context& ctx);
    int run_set(Context& ctx);
    int run_lock(Context& ctx);

    CLI::App* compute_ = nullptr;
    CLI::App* set_ = nullptr;
    CLI::App* explain_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* lock_ = nullptr;
    CLI::App* unlock_ = nullptr;

    std::string period_;
    std::optional<std::string> class_;
    std::string pupil_;
    std::string subject_;
    std::optional<std::string> value_;
    bool clear_ = false;
    std::string reason_;
    bool dry_run_ = false;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
