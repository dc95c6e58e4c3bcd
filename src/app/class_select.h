#pragma once
// `--class 5А` on the command line to a class of the session's school in the current year.
#include <cstdint>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

struct ClassRef {
    std::int64_t id = 0;
    std::string name;  // as the school writes it: «5А»
    int grade = 0;     // 5
};

// Exit 64 for a malformed name («5-а» is fine, «5Ъ» is not), 65 for a class the year lacks.
ClassRef select_class(Session& session, const std::string& text);

// The permission target of a whole class.
domain::Target class_target(const Session& session, const ClassRef& klass);

}  // namespace schoolctl::app
