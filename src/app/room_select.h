#pragma once
// Rooms as the school names them (school.rooms): a timetable row or `--room 204` is matched
// against that list by match key («спортзал» is «Спортзал») and takes the list's spelling.
// Without a list, any room is what it says.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/settings.h"

namespace schoolctl::app {

// The list's spelling of the room; the text itself when the list is empty; nothing when the
// list does not have it.
std::optional<std::string> school_room(const domain::Settings& settings, const std::string& text);

// `--room` on the command line: exit 64 when empty, 65 when the school's list lacks it.
std::string select_room(const Session& session, const std::string& text);

}  // namespace schoolctl::app
