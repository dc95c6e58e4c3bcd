#pragma once
// `schoolctl report school-summary`: the director's figures for a period — the class teacher's
// indicators for every class, every parallel and the school, then per subject and per teacher,
// and their trend over the periods of the year so far, with charts (качество by class, the trend).
#include "app/reports/class_summary.h"
#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

// Needs a period (--period; the year uses the year marks).
report::Document build_school_summary(Session& session, const ReportScope& scope,
                                      const ClassSummaryOptions& options);

}  // namespace schoolctl::app
