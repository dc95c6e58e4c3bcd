#pragma once
// Linking a guardian to a child by hand, between roster imports: the guardian sees the child
// (marks, attendance) from the next command on, and stops seeing them when unlinked.
#include <optional>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

struct LinkRequest {
    std::string guardian;  // external id of the guardian, or the login of their account
    std::string pupil;     // external id of the pupil
    std::string relation;  // «мать», «отец», «бабушка»; may be empty
};

// A guardian of the school by external id or by the login of their account: the person id.
// Exit 65 naming what to give when there is none.
std::int64_t select_guardian(Session& session, const std::string& ref);

// roster.write; false if the link already existed with that relation (nothing changed).
bool link_guardian(Session& session, const LinkRequest& request);
// roster.write; false if there was no such link.
bool unlink_guardian(Session& session, const LinkRequest& request);

}  // namespace schoolctl::app
