#include "commands/logout.h"

#include "app/auth.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo LogoutCommand::info() const {
    return {"logout", "End the saved session on this database", "Setup", {"schoolctl logout"}};
}

void LogoutCommand::add_cli(CLI::App& /*app*/) {}

int LogoutCommand::run(Context& ctx) {
    bool had = app::logout(ctx.db_path(), ctx.settings().busy_timeout_ms, ctx.session_file());
    ctx.note(had ? "Logged out." : "There was no saved session.");
    return 0;
}

}  // namespace schoolctl::cli
