#pragma once
// A page of a teacher's journal named on the command line: a class (its own lessons and its
// subgroups') or a group, a subject and a day, and the lesson number when the subject comes
// twice that day. What `lesson topic|homework|show` and `attendance mark --class` work on.
#include <optional>
#include <string>
#include <vector>

#include "app/journal/journal_context.h"
#include "store/timetable.h"

namespace schoolctl::app {

struct PageQuery {
    std::optional<std::string> class_name;  // exactly one of the class and the group
    std::optional<std::string> group;
    std::string subject;
    domain::Date date;
    std::optional<int> lesson_no;
};

// The lessons of the subject on the date that are not cancelled, at `lesson_no` when given.
// Exit 64 without --class or --group (or with both); 65 for an unknown class, group or subject,
// a date outside the year, and no such lesson (naming the nearest dates of the subject, or the
// lesson numbers it has that day).
std::vector<store::LessonView> page_lessons(JournalContext& journal, const PageQuery& query);

// Exactly one of them; exit 65 naming them when there are several (subgroups at once, or two
// lessons of the subject that day), with what tells them apart.
store::LessonView page_lesson(JournalContext& journal, const PageQuery& query);

}  // namespace schoolctl::app
