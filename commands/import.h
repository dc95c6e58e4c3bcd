#pragma once
#include <map>
#include <vector>

#include "commands/command.h"
#include "commands/import_options.h"

namespace schoolctl::cli {

class ImportCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    void add_oneroster(CLI::App& app);
    int run_oneroster(Context& ctx);
    void add_fet(CLI::App& app);
    int run_fet(Context& ctx);

    std::map<std::string, CLI::App*> kinds_;  // kind -> its subcommand
    CLI::App* history_ = nullptr;
    CLI::App* oneroster_ = nullptr;
    CLI::App* fet_ = nullptr;
    std::string org_;
    ImportFileOptions files_;  // FILE and how to read it; the bundle and FET take some of them
    std::string mode_ = "upsert";
    std::size_t max_delete_ = 10;
    bool yes_ = false;
    std::optional<std::string> left_on_;
    std::optional<std::string> as_of_;
    std::size_t limit_ = 0;
    std::string history_format_ = "table";
};

}  // namespace schoolctl::cli
