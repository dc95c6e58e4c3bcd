#pragma once
// `schoolctl report all`: every standard report of a period for the chosen classes, in one run,
// for cron — the performance sheets, attendance, the class teachers' reports, the school summary,
// the early warning (XLSX and PDF) and the report cards (a PDF per class). Documents are built one
// after another from the database, then rendered on every core. A report that fails is recorded
// and the others are still written.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "app/reports/attendance_report.h"
#include "app/reports/class_summary.h"
#include "app/reports/report_scope.h"
#include "app/session.h"

namespace schoolctl::app {

struct ReportAllRequest {
    ReportScopeRequest scope;
    std::string out_dir;   // created if missing; the date pattern already expanded
    unsigned threads = 0;  // 0: one per core
    AttendanceReportOptions attendance;
    ClassSummaryOptions summary;
};

struct ReportAllFile {
    std::string path;    // written, or that would have been
    std::string kind;    // "performance"
    std::string format;  // "xlsx"
    std::size_t rows = 0;
    std::string error;   // empty when written
};

// `progress(done, total)` is called as files are finished, from any thread. Permission: that of
// each report (report.read on the classes). Exit 73 when the directory cannot be made; failures
// of single reports are in the result, not thrown.
std::vector<ReportAllFile> build_all_reports(
    Session& session, const ReportAllRequest& request,
    const std::function<void(std::size_t, std::size_t)>& progress);

}  // namespace schoolctl::app
