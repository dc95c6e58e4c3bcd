#pragma once
// The exit code a piece of code ends with: ok if it returns, the Error's code if it throws one.
#include <functional>

#include "util/error.h"

namespace schoolctl::test {

inline ExitCode exit_code_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    return ExitCode::ok;
}

}  // namespace schoolctl::test
