#pragma once
// Changes to single lessons by hand, what the deputy head does every morning: a substitute
// teacher (замена), a cancelled lesson, a lesson moved to another day, lesson or room, and
// undoing any of these. The planned teacher stays recorded beside the substitute, every change
// is kept in the lesson's history and in the audit log, and a changed lesson is never deleted
// by expanding the timetable again. Permission timetable.write.
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

// Which lesson: the class's lesson N on a date; with subgroups at the same time, the group or
// the subject tells them apart.
struct LessonSelector {
    domain::Date date;
    int lesson_no = 0;
    std::string class_name;
    std::optional<std::string> group;
    std::optional<std::string> subject;
};

struct ChangeResult {
    std::string lesson;  // «5А, MATH, урок 3, 14.01.2027»
    std::string change;  // «замена: Белова Т. Н. вместо Фролова А. В.»
};

// Errors: exit 65 for a lesson that is not there, several that match (naming them), a teacher,
// class or room busy at the new time, a day that is not a study day; 64 for a bad request.
ChangeResult substitute_lesson(Session& session, const LessonSelector& which,
                               const std::string& teacher, const std::string& reason);
ChangeResult cancel_lesson(Session& session, const LessonSelector& which,
                           const std::string& reason);

struct MoveTo {
    std::optional<domain::Date> date;  // default: the same day
    std::optional<int> lesson_no;      // default: the same lesson number
    std::optional<std::string> room;   // default: the same room
};
ChangeResult move_lesson(Session& session, const LessonSelector& which, const MoveTo& to,
                         const std::string& reason);

// Back to what the timetable says: no substitute, not cancelled, at its planned place.
ChangeResult restore_lesson(Session& session, const LessonSelector& which,
                            const std::string& reason);

}  // namespace schoolctl::app
