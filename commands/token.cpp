#include "commands/token.h"

#include "app/auth.h"
#include "commands/context.h"

namespace schoolctl::cli {

CommandInfo TokenCommand::info() const {
    return {"token",
            "Create script tokens (SCHOOLCTL_TOKEN) for cron jobs acting as this account",
            "Setup",
            {"schoolctl token create --name cron-reports --days 365"}};
}

void TokenCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    create_ = app.add_subcommand("create", "Create a token; it is printed once, on stdout");
    create_->add_option("--name", name_, "What the token is for (shown in the audit log)")
        ->required();
    create_->add_option("--days", days_, "Expire after this many days (default: never)")
        ->check(CLI::PositiveNumber);
}

int TokenCommand::run(Context& ctx) {
    app::ScriptToken token = app::create_script_token(ctx.session(), name_, days_);
    ctx.out() << token.token << '\n';
    ctx.note("Keep it secret: set it as SCHOOLCTL_TOKEN for the job. It is shown only once" +
             std::string(token.expires_at ? " and expires " + *token.expires_at : "") + ".");
    return 0;
}

}  // namespace schoolctl::cli
