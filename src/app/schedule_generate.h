#pragma once
// `schoolctl schedule generate`: the timetable rules expanded into the dated lessons of the
// year. Each lesson is keyed by (rule, date), and its dates are computed from the rule's anchor
// week and the study calendar, never by adding weeks one after another. So a second run finds
// every lesson in place and writes nothing; a rule that ends earlier loses only the lessons
// after its end; and a lesson something depends on (a substitution, a move, a cancellation; and
// marks or attendance) is never deleted: it is kept and reported as a conflict.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

struct GenerateRequest {
    std::optional<domain::Date> from;  // default: the first day of the academic year
    std::optional<domain::Date> to;    // default: its last day
    bool dry_run = false;
};

struct LessonConflict {
    std::string lesson;  // «5А, MATH, урок 3, 14.01.2027»
    std::string rule;    // where the rule came from: "timetable.csv:12"
    std::string reason;  // why it is kept
};

struct GenerateSummary {
    std::string year;
    domain::Date from;
    domain::Date to;
    std::size_t rules = 0;
    std::size_t created = 0;
    std::size_t updated = 0;    // teacher, room or lesson number follow a changed rule
    std::size_t deleted = 0;    // no longer in the timetable
    std::size_t unchanged = 0;
    std::vector<LessonConflict> conflicts;  // no longer in the timetable, but kept
    bool dry_run = false;
};

// Permission timetable.write; one transaction; audited (schedule.generate) when it wrote.
GenerateSummary generate_schedule(Session& session, const GenerateRequest& request);

}  // namespace schoolctl::app
