#pragma once
// `schoolctl export ics`: the dated lessons of a class (with its subgroups), a teacher (with
// the lessons they give or miss through a substitution) or a room as an iCalendar file, for
// phones and calendar apps. Each lesson keeps its UID from one export to the next, so an app
// updates what it has instead of adding the lesson twice.
#include "app/schedule_view.h"
#include "app/session.h"
#include "domain/date.h"

#include <cstddef>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::app {

struct IcsExportRequest {
    ViewKind kind = ViewKind::class_;
    std::string who; // «5А»; a teacher's login, staff id or full name; a room «204»
    std::optional<domain::Date> from; // default: the first day of the academic year
    std::optional<domain::Date> to;   // default: its last day
    std::string out = "-";            // a file, or "-" for standard output
};

struct IcsExportSummary {
    std::string calendar; // the calendar's name, as the app lists it
    domain::Date from;
    domain::Date to;
    std::size_t events = 0;
    std::size_t cancelled = 0; // among the events
    // Lessons that no bell schedule gives a time, left out: «5А, MATH, урок 8, 14.01.2027».
    std::vector<std::string> without_bell;
    std::string written; // the file as given, or "-"
};

// Permission report.read on the class, or on the school for a room or another teacher's
// lessons; a teacher may always export their own. The academic year is the one containing
// --from (else today's); the period is cut to it. Exit 64 for --from after --to, 65 for an
// unknown class, teacher or room, 73 for a directory as --out. The file is written under a
// temporary name (mode 0600) and renamed in place with the audit row (export.ics: what, period,
// where, how many events; never the lessons) committed.
IcsExportSummary export_ics(Session& session, const IcsExportRequest& request,
                            std::ostream& stdout_stream);

} // namespace schoolctl::app
