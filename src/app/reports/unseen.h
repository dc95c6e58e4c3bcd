#pragma once
// `report unseen`: the marks and remarks of a class's pupils that none of the pupil's guardians
// has seen in the diary yet, with the guardians to call and a count per pupil.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"

namespace schoolctl::app {

struct UnseenRequest {
    std::string class_name;            // «5А»
    std::optional<domain::Date> from;  // default: the first day of the academic year
    std::optional<domain::Date> to;    // default: its last day
};

// Permission report.read and marks.read on the class. Pupils in the class today; a pupil with no
// guardian has every item unseen.
report::Document build_unseen_report(Session& session, const UnseenRequest& request);

}  // namespace schoolctl::app
