#pragma once
#include <optional>
#include <string>

#include "commands/command.h"

namespace schoolctl::cli {

class ConsentCommand : public Command {
public:
    CommandInfo info() const override;
    void add_cli(CLI::App& app) override;
    int run(Context& ctx) override;

private:
    CLI::App* record_ = nullptr;
    CLI::App* revoke_ = nullptr;
    CLI::App* list_ = nullptr;
    std::string guardian_;
    std::optional<std::string> guardian_filter_;
    std::optional<std::string> pupil_;
    std::optional<std::string> class_;
    std::string kind_;
    std::optional<std::string> kind_filter_;
    std::string date_;
    std::string scope_;
    std::int64_t id_ = 0;
    std::string reason_;
    std::string format_ = "table";
};

}  // namespace schoolctl::cli
