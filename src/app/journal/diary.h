#pragma once
// `schoolctl diary`: a pupil's week as the diary shows it — each day's lessons with number,
// subject, topic and homework, the marks, the absences and the teachers' remarks. When a
// guardian of the pupil looks, each mark, remark and homework shown gets a receipt: the first
// time that guardian saw it, which `report unseen` reads.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"
#include "store/receipts.h"

namespace schoolctl::app {

struct DiaryRequest {
    std::string pupil;  // as select_pupil reads it
    domain::Date week;  // any day of the week
};

struct DiaryPage {
    report::Document doc;
    std::int64_t pupil_id = 0;
    std::vector<store::SeenItem> shown;  // every mark, remark and homework on the page
};

// Permission marks.read on the pupil (a guardian: their own children; a student: themselves;
// the class teacher; the school's staff who read marks).
DiaryPage build_diary(Session& session, const DiaryRequest& request);

// When the acting account is a guardian of the pupil: a receipt for each item shown that this
// guardian had not seen before, all in one write transaction, audited (diary.seen) when any was
// new. Returns how many were new; 0 for anyone else.
std::size_t record_diary_seen(Session& session, const DiaryPage& page);

}  // namespace schoolctl::app
