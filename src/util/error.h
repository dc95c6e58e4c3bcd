#pragma once
// Errors that end a command. Each carries the exit code the user sees (schoolctl(1), EXIT STATUS)
// and, where it came from a file, the place: file, line and field.
#include <optional>
#include <stdexcept>
#include <string>

namespace schoolctl {

enum class ExitCode : int {
    ok = 0,
    failure = 1,
    usage = 64,        // bad command line
    data = 65,         // bad input data
    no_input = 66,     // input file missing or unreadable
    cant_create = 73,  // cannot create an output file
    io = 74,           // I/O error while reading or writing
    busy = 75,         // database busy past the timeout: retry later
    no_permission = 77,
    config = 78,       // bad configuration, or a database this binary cannot use
};

// Where in an input a problem was found. Any part may be absent.
struct Location {
    std::string file;
    std::size_t line = 0;  // 1-based; 0 = unknown
    std::string field;

    // "file:line: field" with absent parts left out; empty when nothing is known.
    std::string str() const;
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    Error(ExitCode code, const Location& where, const std::string& message)
        : std::runtime_error(prefix(where) + message), code_(code) {}

    ExitCode code() const noexcept { return code_; }

private:
    static std::string prefix(const Location& where);
    ExitCode code_;
};

// Shorthands for the common kinds.
inline Error usage_error(const std::string& m) { return {ExitCode::usage, m}; }
inline Error data_error(const Location& w, const std::string& m) { return {ExitCode::data, w, m}; }
inline Error config_error(const Location& w, const std::string& m) {
    return {ExitCode::config, w, m};
}

}  // namespace schoolctl
