#pragma once
// `report timetable`: a week of the timetable, one page (section) per class, teacher or room,
// for printing on the noticeboard or sending out as XLSX or PDF.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"

namespace schoolctl::app {

enum class TimetableBy { class_, teacher, room };

struct TimetableReportRequest {
    TimetableBy by = TimetableBy::class_;
    std::optional<std::string> who;  // one class, teacher or room; every one when absent
    domain::Date week;               // any day of the week
};

// Permission report.read: on the class for one class, else on the school.
report::Document build_timetable_report(Session& session, const TimetableReportRequest& request);

}  // namespace schoolctl::app
