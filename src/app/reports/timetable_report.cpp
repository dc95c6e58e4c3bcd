#include "app/reports/timetable_report.h"

#include "app/class_select.h"
#include "app/schedule_view.h"

namespace schoolctl::app {

report::Document build_timetable_report(Session& session, const TimetableReportRequest& request) {
    if (request.by == TimetableBy::class_ && request.who) {
        ClassRef klass = select_class(session, *request.who);
        session.require(domain::Permission::report_read, class_target(session, klass),
                        "class " + klass.name);
    } else {
        session.require(domain::Permission::report_read);
    }
    ViewRequest view;
    view.kind = request.by == TimetableBy::class_     ? ViewKind::class_
                : request.by == TimetableBy::teacher ? ViewKind::teacher
                                                     : ViewKind::room;
    if (request.who) {
        view.who.push_back(*request.who);
    }
    view.week = request.week;
    view.subject_names = true;
    return week_timetable(session, view);
}

}  // namespace schoolctl::app
