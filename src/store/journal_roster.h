#pragma once
// What the journal reads once per command or import: who was in which class and group between
// which dates, and the year's dated lessons with their subject, class or group and teacher.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

// A pupil in a class or group from one date to another (to_date NULL: still there).
struct MembershipRow {
    std::int64_t pupil_id = 0;
    std::int64_t target_id = 0;  // the class or the group
    std::string from_date;       // ISO
    std::optional<std::string> to_date;
};

std::vector<MembershipRow> year_class_memberships(Database& db, std::int64_t year_id);
std::vector<MembershipRow> year_group_memberships(Database& db, std::int64_t year_id);

struct JournalLessonRow {
    std::int64_t id = 0;
    std::string date;  // where the lesson is now (a moved lesson's new date)
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // the rule's class, or
    std::optional<std::int64_t> group_id;  // its group
    std::int64_t teacher_id = 0;           // the substitute when there is one
    bool cancelled = false;
};

// Every lesson of the year, in no particular order; with `from` and `to` (ISO) only those
// dated in [from, to].
std::vector<JournalLessonRow> year_lessons(Database& db, std::int64_t year_id,
                                           const std::optional<std::string>& from = std::nullopt,
                                           const std::optional<std::string>& to = std::nullopt);

// (id, name) of the year's classes («5А»), the year's groups and the school's subjects.
using NamedId = std::pair<std::int64_t, std::string>;
std::vector<NamedId> year_class_names(Database& db, std::int64_t year_id);
std::vector<NamedId> year_group_names(Database& db, std::int64_t year_id);
std::vector<NamedId> year_subject_names(Database& db, std::int64_t year_id);

}  // namespace schoolctl::store
