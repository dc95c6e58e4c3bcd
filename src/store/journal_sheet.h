#pragma once
// What a classroom journal spread shows for one subject and one class or group between two
// dates: its lessons with their topics and homework, and the marks and absences given in them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

// The class's own lessons of the subject, or the group's.
struct SheetTarget {
    std::int64_t year_id = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // exactly one of them
    std::optional<std::int64_t> group_id;
    std::string from;  // ISO
    std::string to;
};

struct SheetLesson {
    std::int64_t id = 0;
    std::string date;  // ISO
    int lesson_no = 0;
    std::string topic;
    std::string homework;
};

// Not cancelled, by date and number.
std::vector<SheetLesson> sheet_lessons(Database& db, const SheetTarget& target);

struct SheetEntry {
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    std::string value;  // a mark («4/3»), or an attendance code (unexcused, ill, …)
};

// The marks, by lesson, pupil, work type and place.
std::vector<SheetEntry> sheet_marks(Database& db, const SheetTarget& target);
// The absences and lateness, by lesson and pupil.
std::vector<SheetEntry> sheet_absences(Database& db, const SheetTarget& target);

}  // namespace schoolctl::store
