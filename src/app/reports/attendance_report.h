#pragma once
// `schoolctl report attendance`: per class and pupil, for a period or any dates, the lessons and
// days missed — in all, by illness, with a valid reason, without one — lateness, and the share
// of the pupil's lessons missed, with the pupils over a threshold highlighted.
#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct AttendanceReportOptions {
    int threshold_percent = 30;  // a pupil who missed at least this share is highlighted
};

report::Document build_attendance_report(Session& session, const ReportScope& scope,
                                         const AttendanceReportOptions& options);

}  // namespace schoolctl::app
