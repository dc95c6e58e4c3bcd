#pragma once
// `--teacher T` on the command line: a staff member of the session's school by account login
// (ivanova.anna), staff id (T-0005) or full name («Иванова Анна Петровна»).
#include <cstdint>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

struct StaffRef {
    std::int64_t person_id = 0;
    std::string name;        // «Иванова Анна Петровна»
    std::string short_name;  // «Иванова А. П.»
};

// Exit 65 for no such staff member, or a name two of them share (give the id or login).
StaffRef select_staff(Session& session, const std::string& text);

}  // namespace schoolctl::app
