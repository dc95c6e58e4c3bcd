#pragma once
// `lesson remark`: a teacher's remark about a pupil («забыл форму», «отлично выступил»), on a day
// or, with the subject, on the pupil's lesson of that subject that day. Permission marks.write:
// with the subject on that lesson (the subject's teacher), without it on the pupil (a teacher of
// the whole class, the administration). Audited.
#include <cstdint>
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

struct RemarkRequest {
    std::string pupil;
    domain::Date date;
    std::optional<std::string> subject;
    std::optional<int> lesson_no;  // with the subject, when it comes twice that day
    std::string text;
};

struct RemarkResult {
    std::int64_t id = 0;
    std::string pupil;  // «Абрамова Д. Е.»
    std::string where;  // the lesson's label, or the day «17.11.2026»
};

// Exit 64 for an empty text or --lesson without --subject; 65 for an unknown pupil or subject, a
// day outside the year or after today, or no such lesson for the pupil (with the nearest dates);
// 77 without the permission.
RemarkResult add_remark(Session& session, const RemarkRequest& request);

}  // namespace schoolctl::app
