#pragma once
#include <map>
#include <vector>

#include "commands/command.h"

namespace schoolctl::cli {

class ImportCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    void add_file_options(CLI::App& sub);
    void add_oneroster(CLI::App& app);
    int run_oneroster(Context& ctx);
    void add_fet(CLI::App& app);
    int run_fet(Context& ctx);

    std::map<std::string, CLI::App*> kinds_;  // kind -> its subcommand
    CLI::App* history_ = nullptr;
    CLI::App* oneroster_ = nullptr;
    CLI::App* fet_ = nullptr;
    std::string org_;
    std::string file_;
    bool dry_run_ = false;
    std::optional<std::string> rejects_;
    std::size_t max_rejects_ = 0;
    std::optional<std::string> mapping_;
    std::string encoding_ = "auto";
    std::optional<std::string> delimiter_;
    std::optional<std::string> sheet_;
    std::vector<std::string> formats_;  // csv|xlsx (how to read) and/or table|json (summary)
    std::string mode_ = "upsert";
    std::size_t max_delete_ = 10;
    bool yes_ = false;
    std::optional<std::string> left_on_;
    std::size_t limit_ = 0;
    std::string history_format_ = "table";
};

}  // namespace schoolctl::cli
