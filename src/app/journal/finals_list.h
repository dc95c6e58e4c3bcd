#pragma once
// `schoolctl finals list`: a class's period or year marks as a grid, pupils down and subjects
// across, the teacher's own marks marked.
#include <string>

#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct FinalsListRequest {
    std::string klass;   // 5А
    std::string period;  // Q1 … or "year"
};

// Permission marks.read on the class. Pupils who were in the class during the period, in
// alphabetical order; subjects in the school's order; a cell is the final mark, with «*» when a
// teacher set it.
report::Document list_final_marks(Session& session, const FinalsListRequest& request);

}  // namespace schoolctl::app
