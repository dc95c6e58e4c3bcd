#pragma once
// `schoolctl report class-summary`: the class teacher's report for a period — headcount (at the
// start, arrived, left, at the end), attested, «н/а» and exempt, отличники, хорошисты, «с одной
// 4» and «с одной 3» naming the subject, неуспевающие with their subjects, успеваемость,
// качество, средний балл and СОУ, and the attendance totals with the pupils who missed lessons
// without a valid reason.
#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

enum class IndicatorBasis {
    pupils,  // each pupil counts once, by their worst mark (DOMAIN.md)
    marks,   // every period mark counts
};

struct ClassSummaryOptions {
    IndicatorBasis basis = IndicatorBasis::pupils;
};

// Needs a period (--period), as the marks are a period's.
report::Document build_class_summary(Session& session, const ReportScope& scope,
                                     const ClassSummaryOptions& options);

}  // namespace schoolctl::app
