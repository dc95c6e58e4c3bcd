#pragma once
// `--scope` of `accounts grant|revoke` to a grant with real ids:
//   all                 every school (administrator only)
//   school              the session's school (the default for school-wide roles)
//   class:5А            a class of the current year
//   subject:MATH@5А     a subject (code or name) in a class, or @GROUP in a group
//   child:EXTERNAL_ID   a pupil, by the external id of the roster
#include <optional>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

// Exit 64 for a scope the role cannot be granted with or malformed text, 65 for a class,
// subject, group or pupil the school does not have.
domain::Grant parse_grant(Session& session, domain::Role role,
                          const std::optional<std::string>& scope);

}  // namespace schoolctl::app
