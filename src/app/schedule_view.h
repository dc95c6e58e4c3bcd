#pragma once
// A week of lessons as a timetable grid — lessons down, days across — for a class (with its
// subgroups), a teacher (with the lessons they cover as a substitute) or a room. `schedule show`
// prints one; `report timetable` puts one section per class or teacher in a document.
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"
#include "store/timetable.h"

namespace schoolctl::app {

enum class ViewKind { class_, teacher, room };

// Whose lesson it is: a class's (its subgroups' too), a teacher's (planned or substituting),
// a room's.
struct LessonFilter {
    ViewKind kind = ViewKind::class_;
    std::int64_t id = 0;  // the class, or the teacher's person id
    std::string room;

    bool matches(const store::LessonView& l) const;
};

struct ViewRequest {
    ViewKind kind = ViewKind::class_;
    std::vector<std::string> who;  // class names, teachers or rooms; one section each
    domain::Date week;             // any day of the week
    bool subject_names = false;    // «Математика» rather than MATH: for printed forms
};

// Every class of the year, or every teacher who has a lesson that week, when `who` is empty.
report::Document week_timetable(Session& session, const ViewRequest& request);

}  // namespace schoolctl::app
