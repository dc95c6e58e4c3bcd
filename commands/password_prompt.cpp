#include "commands/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "commands/context.h"
#include "util/error.h"

namespace schoolctl::cli {

std::string read_secret(Context& ctx, const std::string& prompt, bool from_stdin) {
    bool terminal = !from_stdin && ctx.stdin_is_terminal();
    termios saved{};
    if (terminal) {
        ctx.err() << prompt << std::flush;
        tcgetattr(STDIN_FILENO, &saved);
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
    }
    std::string line;
    bool got = static_cast<bool>(std::getline(ctx.in(), line));
    if (terminal) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        ctx.err() << '\n';
    }
    if (!got) {
        throw Error(ExitCode::usage, "no password given (standard input ended)");
    }
    if (!line.empty() && line.back() == '\r') {
        line.pop_back();
    }
    return line;
}

std::string read_new_password(Context& ctx, bool from_stdin) {
    std::string fresh = read_secret(ctx, "New password: ", from_stdin);
    if (!from_stdin && ctx.stdin_is_terminal() && read_secret(ctx, "Repeat it: ", false) != fresh) {
        throw Error(ExitCode::usage, "the two new passwords differ; nothing was changed");
    }
    return fresh;
}

}  // namespace schoolctl::cli
