#pragma once
#include <optional>
#include <string>
#include <vector>

#include "commands/command.h"
#include "commands/import_options.h"

namespace schoolctl::cli {

// `schoolctl attendance mark|list|excuse|import`: who missed which lesson or came late.
class AttendanceCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_mark(Context& ctx);
    int run_list(Context& ctx);
    int run_excuse(Context& ctx);
    int run_import(Context& ctx);

    CLI::App* mark_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* excuse_ = nullptr;
    CLI::App* import_ = nullptr;

    std::optional<std::string> pupil_;
    std::optional<std::string> class_;
    std::optional<std::string> group_;
    std::vector<std::string> pupils_;
    std::optional<std::string> subject_;
    std::string date_;
    std::optional<int> lesson_;
    std::string code_;
    std::optional<int> minutes_;
    std::optional<std::string> note_;
    std::optional<std::string> from_;
    std::optional<std::string> to_;
    std::optional<std::string> period_;
    std::string reason_;
    std::string format_ = "table";
    ImportFileOptions files_;
};

}  // namespace schoolctl::cli
