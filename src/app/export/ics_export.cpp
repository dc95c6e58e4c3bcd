#include "app/export/ics_export.h"

#include "app/class_select.h"
#include "app/export/ics_events.h"
#include "app/room_select.h"
#include "app/schedule_view.h"
#include "app/school_calendar.h"
#include "app/staff_select.h"
#include "app/timetable_targets.h"
#include "formats/ics_writer.h"
#include "store/lesson_revisions.h"
#include "store/schools.h"
#include "store/timetable.h"
#include "util/atomic_file.h"
#include "util/clock.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <sstream>

namespace schoolctl::app {
namespace {

using domain::Date;

// Whose lessons, and how the calendar and the audit row name them.
struct Owner {
    LessonFilter filter;
    std::string title;       // «5А», «Иванова А. П.», «Кабинет 204»
    std::string what;        // «class 5А», «teacher Иванова Анна Петровна», «room 204»
    std::string audit_type;  // class | staff | room
    std::string audit_id;
};

Owner owner_of(Session& session, const IcsExportRequest& r) {
    // Filled member by member: GCC 12 at -O2 warns of an uninitialized string when a
    // designated initializer nests LessonFilter's.
    Owner o;
    o.filter.kind = r.kind;
    switch (r.kind) {
    case ViewKind::class_: {
        ClassRef c = select_class(session, r.who);
        o.filter.id = c.id;
        o.title = c.name;
        o.what = "class " + c.name;
        o.audit_type = "class";
        o.audit_id = std::to_string(c.id);
        return o;
    }
    case ViewKind::teacher: {
        StaffRef t = select_staff(session, r.who);
        o.filter.id = t.person_id;
        o.title = t.short_name;
        o.what = "teacher " + t.name;
        o.audit_type = "staff";
        o.audit_id = std::to_string(t.person_id);
        return o;
    }
    case ViewKind::room:
        break;
    }
    o.filter.room = select_room(session, r.who);
    o.title = "Кабинет " + o.filter.room;
    o.what = "room " + o.filter.room;
    o.audit_type = "room";
    o.audit_id = o.filter.room;
    return o;
}

// The part of the academic year asked for: the whole year unless --from or --to cut it.
std::pair<Date, Date> period_of(const SchoolCalendar& calendar, const IcsExportRequest& r) {
    const auto& year = calendar.year.dates;
    Date from = std::max(r.from.value_or(year.start), year.start);
    Date to = std::min(r.to.value_or(year.end), year.end);
    if (to < from) {
        throw Error(ExitCode::usage, "--from and --to lie outside the academic year " +
                                         calendar.year.name + " (" + domain::format_ru(year.start) +
                                         "–" + domain::format_ru(year.end) + ")");
    }
    return {from, to};
}

// After the @ of every UID: the school's external id keeps lessons of two schools apart in one
// phone, and stays the same from one export to the next.
std::string uid_domain(Session& session) {
    for (const auto& school : store::list_schools(session.db())) {
        if (school.id == session.school_id() && !school.external_id.empty()) {
            return school.external_id;
        }
    }
    return "schoolctl";
}

void write_out(const std::string& text, const std::string& out, store::Transaction& tx,
               std::ostream& stdout_stream) {
    if (out == "-") {
        // The audit row first: an export that was printed is never missing from the log.
        tx.commit();
        stdout_stream << text << std::flush;
        if (!stdout_stream) {
            throw Error(ExitCode::io, "cannot write the calendar to standard output");
        }
        return;
    }
    AtomicFile file(out);
    file.write(text);
    file.commit();
    try {
        tx.commit();
    } catch (...) {
        std::error_code ignored;
        std::filesystem::remove(out, ignored);
        throw;
    }
}

} // namespace

IcsExportSummary export_ics(Session& session, const IcsExportRequest& request,
                            std::ostream& stdout_stream) {
    if (request.from && request.to && *request.to < *request.from) {
        throw Error(ExitCode::usage, "--from " + domain::format_ru(*request.from) +
                                         " is after --to " + domain::format_ru(*request.to));
    }
    if (request.out != "-" &&
        (std::filesystem::is_directory(request.out) || request.out.ends_with('/'))) {
        throw Error(ExitCode::cant_create, "cannot create " + request.out +
                                               ": it is a directory; give the file to "
                                               "write, such as timetable.ics inside it");
    }
    SchoolCalendar calendar = load_school_calendar(session, request.from.value_or(today_moscow()));
    auto [from, to] = period_of(calendar, request);
    Owner owner = owner_of(session, request);

    // One transaction: the lessons, their revisions and the audit row see the same moment.
    store::Database& db = session.db();
    store::Transaction tx(db);
    std::int64_t year_id = calendar.year.year_id;
    const std::string first = domain::format_iso(from), last = domain::format_iso(to);
    auto lessons = store::lessons_between(db, year_id, first, last);
    std::vector<const store::LessonView*> mine;
    for (const auto& l : lessons) {
        if (owner.filter.matches(l)) {
            mine.push_back(&l);
        }
    }
    TimetableTargets targets(db, year_id);
    EventContext context{.calendar = calendar,
                         .targets = targets,
                         .uid_domain = uid_domain(session),
                         .kind = owner.filter.kind,
                         .viewer = owner.filter.id,
                         .revisions = store::lesson_change_counts(db, year_id, first, last)};
    LessonEvents built = lesson_events(mine, context);

    IcsExportSummary summary;
    summary.calendar = owner.title + ", расписание " + calendar.year.name;
    summary.from = from;
    summary.to = to;
    summary.events = built.events.size();
    summary.cancelled = static_cast<std::size_t>(
        std::count_if(built.events.begin(), built.events.end(),
                      [](const auto& e) { return e.status == formats::IcsStatus::cancelled; }));
    summary.without_bell = std::move(built.without_bell);
    summary.written = request.out;

    std::ostringstream text;
    formats::write_ics({summary.calendar, now_seconds(), std::move(built.events)}, text);
    std::string destination =
        request.out == "-" ? "-" : std::filesystem::absolute(request.out).string();
    session.audit("export.ics", owner.audit_type, owner.audit_id,
                  {{"format", "ics"},
                   {"what", owner.what},
                   {"from", first},
                   {"until", last},
                   {"to", destination},
                   {"rows", summary.events},
                   {"without_bell", summary.without_bell.size()}});
    write_out(text.str(), request.out, tx, stdout_stream);
    return summary;
}

} // namespace schoolctl::app
