#pragma once
// `schoolctl finals explain`: how a pupil's period or year mark in a subject comes about — every
// mark with its date, work type, weight and points × weight; the sums, the mean, the rule and the
// threshold applied; the computed mark now and as stored; the teacher's override with who, when
// and why; and the final mark.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/period_mark.h"
#include "report/document.h"

namespace schoolctl::app {

struct ExplainRequest {
    std::string pupil;
    std::string subject;
    std::string period;  // Q1 … or "year"
};

// Permission marks.read on the pupil's subject (the subject's teacher, the class teacher, the
// pupil and their guardians). The computation is made again from today's marks and
// configuration; where it differs from the stored one, the document says so.
report::Document explain_final_mark(Session& session, const ExplainRequest& request);

// The rule in words, for people: «пороги: 5 от 4.60, 4 от 3.60, 3 от 2.60; не меньше 3 отметок».
std::string grading_rule_text(const domain::GradingPolicy& policy, const domain::MarkScale& scale,
                              std::optional<int> min_marks);

}  // namespace schoolctl::app
