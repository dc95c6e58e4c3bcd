#pragma once
// `schoolctl report at-risk`: the early warning of a period in progress — each pupil heading for
// «н/а» (too few marks with the period ending), for a failing period mark (the marks so far give
// a 2), missing too much of a month's lessons, or absent several school days in a row — one row
// per finding, with the reason in words.
#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct AtRiskOptions {
    int absence_percent = 30;  // of a calendar month's lessons
    int consecutive_days = 3;  // school days missed in a row
    int warn_days = 14;        // too few marks matters this close to the period's end
};

// Needs a period (not the year, not --from/--to): the marks counted are the period's so far.
report::Document build_at_risk_report(Session& session, const ReportScope& scope,
                                      const AtRiskOptions& options);

}  // namespace schoolctl::app
