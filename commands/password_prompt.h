#pragma once
#include <string>

namespace schoolctl::cli {

class Context;

// A secret from the terminal with echo off (prompt on stderr), or one line of stdin when it is
// not a terminal or `from_stdin` is set. EOF is a usage error.
std::string read_secret(Context& ctx, const std::string& prompt, bool from_stdin);

// A new password: from a terminal twice ("New password:", "Repeat it:"), refusing two that
// differ (exit 64, nothing changed); otherwise one line of stdin.
std::string read_new_password(Context& ctx, bool from_stdin);

}  // namespace schoolctl::cli
