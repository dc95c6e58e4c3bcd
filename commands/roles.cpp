#include "commands/roles.h"

#include "app/roles_matrix.h"
#include "commands/listing.h"

namespace schoolctl::cli {

CommandInfo RolesCommand::info() const {
    return {"roles",
            "Show which role may do what (deny by default)",
            "Setup",
            {"schoolctl roles show", "schoolctl roles show --format csv"}};
}

void RolesCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    CLI::App* show = app.add_subcommand("show", "The permission matrix: permissions by role");
    show->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

int RolesCommand::run(Context& ctx) {
    print_document(ctx, app::roles_matrix(), format_);
    return 0;
}

}  // namespace schoolctl::cli
