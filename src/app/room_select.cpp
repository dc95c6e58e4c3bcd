#include "app/room_select.h"

#include "domain/person_name.h"
#include "util/error.h"

namespace schoolctl::app {

std::optional<std::string> school_room(const domain::Settings& settings, const std::string& text) {
    if (settings.rooms.empty()) {
        return text;
    }
    std::string key = domain::match_key(text);
    for (const auto& room : settings.rooms) {
        if (domain::match_key(room) == key) {
            return room;
        }
    }
    return std::nullopt;
}

std::string select_room(const Session& session, const std::string& text) {
    if (text.empty()) {
        throw Error(ExitCode::usage, "--room is empty: give a room, such as 204");
    }
    auto room = school_room(session.settings(), text);
    if (!room) {
        throw Error(ExitCode::data, "--room \"" + text +
                                        "\" is not a room of the school (school.rooms in "
                                        "schoolctl.toml)");
    }
    return *room;
}

}  // namespace schoolctl::app
