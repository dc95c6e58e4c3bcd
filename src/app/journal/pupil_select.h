#pragma once
// `--pupil P` on the command line, and a pupil cell in a journal file: a pupil of the session's
// school by external id (S-0001), account login, or full name («Абрамова Дарья Евгеньевна», ё
// and е alike), optionally followed by a class to tell namesakes apart («Абрамова Дарья 5А»).
#include <cstdint>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

struct PupilRef {
    std::int64_t person_id = 0;
    std::string name;        // «Абрамова Дарья Евгеньевна»
    std::string short_name;  // «Абрамова Д. Е.»
    std::string class_name;  // the current class, «5А»; "" when not in one
};

// Exit 65 for no such pupil or a name two pupils share (the message lists them with classes and
// ids); exit 77 is for the caller's permission check, not here.
PupilRef select_pupil(Session& session, const std::string& text);

}  // namespace schoolctl::app
