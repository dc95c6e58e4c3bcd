#include "commands/login.h"

#include "app/auth.h"
#include "commands/context.h"
#include "commands/password_prompt.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo LoginCommand::info() const {
    return {"login",
            "Log in: verify a password and keep a session for the following commands",
            "Setup",
            {"schoolctl login admin",
             "printf '%s\\n' \"$PASSWORD\" | schoolctl login admin --password-stdin"}};
}

void LoginCommand::add_cli(CLI::App& app) {
    app.add_option("LOGIN", login_, "The account's login")->required();
    app.add_flag("--password-stdin", password_stdin_,
                 "Read the password (and, for a one-time password, the new one on the next line) "
                 "from standard input");
}

int LoginCommand::run(Context& ctx) {
    app::LoginRequest request;
    request.db_path = ctx.db_path();
    request.busy_timeout_ms = ctx.settings().busy_timeout_ms;
    request.login = login_;
    request.session_hours = ctx.settings().session_hours;
    request.password_min_length = ctx.settings().password_min_length;
    request.lockout_after = ctx.settings().lockout_after;
    request.session_file = ctx.session_file();
    request.password = read_secret(ctx, "Password for " + login_ + ": ", password_stdin_);
    app::LoginResult result = app::login(request);
    if (result.outcome == app::LoginOutcome::new_password_required) {
        ctx.note("This is a one-time password: choose your own (at least " +
                 std::to_string(request.password_min_length) + " characters).");
        request.new_password = read_new_password(ctx, password_stdin_);
        result = app::login(request);
    }
    ctx.note("Logged in as " + result.login + " until " + result.expires_at + ".");
    return 0;
}

}  // namespace schoolctl::cli
