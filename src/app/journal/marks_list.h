#pragma once
// `marks list`: the marks of one pupil or of a class, of one subject or all, over dates or a
// period, as a listing (id, date, lesson, pupil, subject, value, work type, weight, comment).
// Permission marks.read: a teacher sees the subjects they teach there, a guardian or a pupil
// only their own child's marks.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"

namespace schoolctl::app {

struct MarkListRequest {
    std::optional<std::string> pupil;       // one of pupil and class
    std::optional<std::string> class_name;
    std::optional<std::string> subject;
    std::optional<domain::Date> from;  // default: the academic year's first day
    std::optional<domain::Date> to;    // default: its last
    std::optional<std::string> period;  // instead of from/to: Q1
};

// Exit 65 for an unknown pupil, class or subject; 64 for an unknown period or from after to;
// 77 without marks.read on any of what was asked.
report::Document list_marks(Session& session, const MarkListRequest& request);

}  // namespace schoolctl::app
