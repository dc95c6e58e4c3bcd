#pragma once
// `report substitutions --month 2026-11`: what payroll needs — the hours each teacher taught as
// a substitute that month — and every substitution and cancelled lesson with its reason.
#include <chrono>

#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

// Permission report.read on the school.
report::Document build_substitutions_report(Session& session, std::chrono::year_month month);

}  // namespace schoolctl::app
