#pragma once
// `attendance list`: a pupil's or a class's absences and lateness over a range of days, each
// with its lesson, and a total per pupil: missed lessons (all, ill, excused, unexcused), missed
// days (a day counts when all of that pupil's lessons that day were missed) and lateness.
// Permission attendance.read on the pupil (a guardian: their own children) or on the class
// (with --subject, on the subject in the class: what a subject teacher may read).
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"

namespace schoolctl::app {

struct AttendanceQuery {
    std::optional<std::string> pupil;       // exactly one of the pupil and the class
    std::optional<std::string> class_name;
    std::optional<std::string> subject;     // only this subject's lessons
    std::optional<domain::Date> from;       // default: the academic year's first day
    std::optional<domain::Date> to;         // default: its last day
    std::optional<std::string> period;      // an attestation period's code (Q1) instead
};

// Two sections: the absences («Пропуски»), and the totals per pupil («Итого», for a class with a
// line for the whole class). Exit 64 for a period together with dates, an unknown period or
// from after to; 65 for an unknown pupil, class or subject; 77 without the permission.
report::Document attendance_list(Session& session, const AttendanceQuery& query);

}  // namespace schoolctl::app
