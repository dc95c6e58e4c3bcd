#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

class AccountsCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_issue(Context& ctx);
    int run_activate(Context& ctx);

    CLI::App* issue_ = nullptr;
    CLI::App* activate_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* lock_ = nullptr;
    CLI::App* unlock_ = nullptr;
    CLI::App* disable_ = nullptr;
    CLI::App* reset_ = nullptr;
    CLI::App* grant_ = nullptr;
    CLI::App* revoke_ = nullptr;

    std::string role_;
    std::optional<std::string> class_;
    bool all_ = false;
    bool reset_flag_ = false;
    bool per_family_ = false;
    std::optional<std::string> out_;
    std::optional<std::string> csv_;
    unsigned threads_ = 0;
    std::string login_;
    bool from_stdin_ = false;
    std::optional<std::string> kind_;
    std::optional<std::string> status_;
    std::optional<std::string> scope_;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
