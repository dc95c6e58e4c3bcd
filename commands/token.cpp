#include "commands/token.h"

#include "app/auth.h"
#include "commands/context.h"
#include "commands/listing.h"

namespace schoolctl::cli {

CommandInfo TokenCommand::info() const {
    return {"token",
            "Create, list and revoke tokens (SCHOOLCTL_TOKEN) for cron jobs and scripts",
            "Setup",
            {"schoolctl token create --name cron-reports --days 365",
             "schoolctl token create --name nightly-import --account secretary --expires 31.08.2027",
             "schoolctl token list",
             "schoolctl token revoke 7"}};
}

void TokenCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    create_ = app.add_subcommand("create", "Create a script token; it is printed once, on stdout");
    create_->add_option("--name", name_, "What the token is for (shown in the audit log)")
        ->required();
    auto* days = create_->add_option("--days", days_, "Expire after this many days (default: never)")
        ->check(CLI::Range(1, 36500).description("").name("1..36500"))
        ->type_name("DAYS");
    create_->add_option("--expires", expires_, "Expire at the end of this day (DD.MM.YYYY)")
        ->type_name("DATE")
        ->excludes(days);
    create_->add_option("--account", account_,
                        "Act as this account (default: your own); it must be active");
    list_ = app.add_subcommand("list", "Live session and script tokens of every account");
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    revoke_ = app.add_subcommand("revoke", "Revoke a token at once");
    revoke_->add_option("ID", id_, "The token's id from `schoolctl token list`")->required();
}

int TokenCommand::run(Context& ctx) {
    if (list_->parsed()) {
        print_document(ctx, app::token_listing(ctx.session()), format_);
        return 0;
    }
    if (revoke_->parsed()) {
        app::revoke_token(ctx.session(), id_);
        ctx.note("Token " + std::to_string(id_) + " revoked.");
        return 0;
    }
    app::ScriptToken token =
        app::create_script_token(ctx.session(), {name_, account_, days_, expires_});
    ctx.out() << token.token << '\n';
    ctx.note("Keep it secret: set it as SCHOOLCTL_TOKEN for the job. It is shown only once" +
             std::string(token.expires_at ? " and expires " + *token.expires_at : "") + ".");
    return 0;
}

}  // namespace schoolctl::cli
