#include "app/journal/attendance_excuse.h"

#include "app/journal/attendance_entry.h"
#include "app/journal/journal_context.h"
#include "app/journal/pupil_select.h"
#include "store/access_scope.h"
#include "store/attendance.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

using domain::Absence;

ExcuseResult excuse_absences(Session& session, const ExcuseRequest& r) {
    const domain::AbsenceLabels& labels = session.settings().absence_labels;
    auto code = domain::parse_absence(r.code, labels);
    if (!code || (*code != Absence::ill && *code != Absence::excused)) {
        throw Error(ExitCode::usage, "--code \"" + r.code + "\": an absence is excused as " +
                                         labels.of(Absence::ill) + " (ill) or " +
                                         labels.of(Absence::excused) + " (valid reason)");
    }
    if (r.to < r.from) {
        throw Error(ExitCode::usage, "--from " + domain::format_ru(r.from) + " is after --to " +
                                         domain::format_ru(r.to));
    }
    PupilRef pupil = select_pupil(session, r.pupil);
    session.require(domain::Permission::attendance_write,
                    store::pupil_target(session.db(), pupil.person_id,
                                        today_iso()),
                    "pupil " + pupil.short_name);

    store::Transaction tx(session.db());
    JournalContext journal(session, r.from);
    journal.require_in_year(r.from, "--from");
    journal.require_in_year(r.to, "--to");
    ExcuseResult result{pupil.short_name, labels.of(*code), {}, 0};
    const std::string now = utc_iso_now();
    for (const auto& e : store::pupil_attendance(session.db(), pupil.person_id,
                                                 domain::format_iso(r.from),
                                                 domain::format_iso(r.to))) {
        if (e.row.code == domain::absence_name(Absence::late)) {
            continue;  // the pupil was there
        }
        if (e.row.code != domain::absence_name(Absence::unexcused)) {
            ++result.already;
            continue;
        }
        AttendanceWrite w;
        w.lesson = journal.describe(e.row.lesson_id, e.date, e.lesson_no, e.subject_id,
                                    e.class_id, e.group_id);
        w.pupil_id = pupil.person_id;
        w.absence = *code;
        w.reason = r.reason;
        write_attendance(session, w, now);
        result.changed.push_back(w.lesson.label);
    }
    tx.commit();
    return result;
}

}  // namespace schoolctl::app
