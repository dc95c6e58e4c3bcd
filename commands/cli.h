#pragma once
// The whole command line: builds the CLI11 tree from the registry, parses, dispatches, and maps
// every failure to an exit code (schoolctl(1), EXIT STATUS).
#include <iosfwd>

namespace schoolctl::cli {

// With SCHOOLCTL_KILL_AT_STATEMENT=0 (the crash-safety tests), how many statement steps the run
// took, on `err`; nothing otherwise.
void report_statement_steps(std::ostream& err);

int run_cli(int argc, const char* const* argv, std::ostream& out, std::ostream& err,
            std::istream& in);

}  // namespace schoolctl::cli
