#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "commands/command.h"
#include "commands/import_options.h"

namespace schoolctl::cli {

// `schoolctl marks add|list|correct|remove|import`: the marks of the journal.
class MarksCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    int run_add(Context& ctx);
    int run_list(Context& ctx);
    int run_correct(Context& ctx);
    int run_remove(Context& ctx);
    int run_import(Context& ctx);

    CLI::App* add_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* correct_ = nullptr;
    CLI::App* remove_ = nullptr;
    CLI::App* import_ = nullptr;

    std::optional<std::string> pupil_;
    std::optional<std::string> class_;
    std::optional<std::string> subject_;
    std::string date_;
    std::string value_;
    std::string work_type_;
    std::optional<int> lesson_;
    std::string comment_;
    std::optional<std::string> from_;
    std::optional<std::string> to_;
    std::optional<std::string> period_;
    std::string format_ = "table";
    std::int64_t id_ = 0;
    std::string reason_;
    ImportFileOptions files_;
};

}  // namespace schoolctl::cli
