#pragma once
// `schoolctl report performance`: the сводная ведомость успеваемости of each class — pupils down,
// the period marks of every subject across (for the year: each period, then the year mark),
// the attendance of the dates, and under the pupils each subject's успеваемость, качество,
// средний балл and СОУ.
#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

// Needs a period (--period, not --from/--to): the marks are a period's. Pupils who left during
// the period are listed with the date and are not counted in the indicators.
report::Document build_performance_report(Session& session, const ReportScope& scope);

}  // namespace schoolctl::app
