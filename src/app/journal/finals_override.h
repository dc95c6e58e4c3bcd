#pragma once
// A teacher's own period or year mark, kept beside the computed one (`finals set`), and closing a
// period for changes (`finals lock`, `finals unlock`).
#include <optional>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

struct OverrideRequest {
    std::string pupil;    // as select_pupil reads it
    std::string subject;  // code or name
    std::string period;   // Q1 …, "year", "exam" or "final"
    std::optional<std::string> value;  // nullopt: clear the override
    std::string reason;
};

struct OverrideResult {
    std::string pupil;    // «Абрамова Дарья Евгеньевна (5А)»
    std::string subject;  // MATH
    std::string period;   // Q1
    std::optional<std::string> old_value;
    std::optional<std::string> new_value;
    std::string computed;  // the computed mark, "" when not computed yet
    bool changed = false;
};

// Permission marks.write on the pupil's subject. The value is read on the subject's scale
// («н/а» and «осв» allowed; exit 64 for anything else, listing the valid marks); exit 65 for a
// subject the pupil does not study in the period, one whose scale takes no marks, or a locked
// period. Audited (finals.set) with the old and the new value; nothing is written when the
// override is already as asked.
OverrideResult set_final_override(Session& session, const OverrideRequest& request);

struct LockResult {
    std::string period;  // «Q1 (1 четверть, 01.09.2026–23.10.2026)»
    bool changed = false;  // false: it already was locked (unlocked)
};

// Permission marks.write on the school (the deputy head, the administrator).
// Audited (finals.lock, finals.unlock) when something changed.
LockResult lock_marks_period(Session& session, const std::string& period);
LockResult unlock_marks_period(Session& session, const std::string& period);

}  // namespace schoolctl::app
