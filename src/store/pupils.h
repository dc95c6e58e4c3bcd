#pragma once
// Pupils, their classes and class memberships.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/people.h"

namespace schoolctl::store {

struct PupilRow {
    std::int64_t person_id = 0;
    PersonFields person;
    std::optional<std::int64_t> class_id;  // the open class membership, if any
    std::string class_name;                // "5А" or ""
    std::optional<std::string> left_on;    // the first day the pupil no longer attends
    std::optional<std::string> family_key;  // shared with siblings, for linking guardians
};

struct ClassRow {
    std::int64_t id = 0;
    int grade = 0;
    std::string letter;
    std::optional<std::int64_t> class_teacher_id;

    std::string name() const { return std::to_string(grade) + letter; }
};

// The classes of a year, by grade and letter.
std::vector<ClassRow> list_classes(Database& db, std::int64_t year_id);
void set_class_teacher(Database& db, std::int64_t class_id,
                       std::optional<std::int64_t> staff_id);

std::optional<std::int64_t> find_class(Database& db, std::int64_t year_id, int grade,
                                       const std::string& letter);
std::int64_t insert_class(Database& db, std::int64_t year_id, int grade, const std::string& letter);

std::optional<PupilRow> find_pupil_by_external_id(Database& db, std::int64_t school_id,
                                                  const std::string& external_id);
// Pupils sharing a name key and birth date: the natural key when a file has no id column.
std::vector<PupilRow> find_pupils_by_natural_key(Database& db, std::int64_t school_id,
                                                 const std::string& match_key,
                                                 const std::optional<std::string>& birth_date);

// Calls `visit(match_key, birth_date)` for every pupil of the school, whether or not they left:
// the natural keys find_pupils_by_natural_key can find, read in one pass.
void for_each_pupil_natural_key(
    Database& db, std::int64_t school_id,
    const std::function<void(std::string_view match_key,
                             std::optional<std::string_view> birth_date)>& visit);

std::int64_t insert_pupil(Database& db, std::int64_t school_id, const PersonFields& person,
                          const std::string& now);
// Makes an existing person (a staff member's child, say) a pupil too.
void add_pupil_role(Database& db, std::int64_t person_id);
void set_family_key(Database& db, std::int64_t pupil_id, const std::optional<std::string>& key);
// A pupil who left and is named again by a roster comes back: left_on cleared.
void readmit_pupil(Database& db, std::int64_t pupil_id);
// The pupil left on `left_on` (the first day away): the open class membership ends the day
// before. A pupil with accounts keeps them; the caller disables them.
void pupil_left(Database& db, std::int64_t pupil_id, const std::string& left_on);
// The pupil's open group memberships end before `from` (all of them, or with `keep_class` only
// the subgroups of other classes).
void end_group_memberships(Database& db, std::int64_t pupil_id, const std::string& from,
                           std::optional<std::int64_t> keep_class);
// Pupils of the school who have not left: what a sync compares a complete file against.
std::vector<std::int64_t> current_pupils(Database& db, std::int64_t school_id);
// Opens a membership in `class_id` from `from`; every other membership of the pupil ends before.
void move_to_class(Database& db, std::int64_t pupil_id, std::int64_t class_id,
                   const std::string& from);
// The first membership of a pupil who has none yet (just created): what move_to_class does
// then, without looking for memberships to end.
void start_in_class(Database& db, std::int64_t pupil_id, std::int64_t class_id,
                    const std::string& from);

struct ClassListRow {
    int grade = 0;
    std::string letter;
    std::string class_teacher;  // full name or ""
    PersonFields person;
};

// Pupils who are members of a class of the year on `on`; `grade`/`letter` narrow to one class.
std::vector<ClassListRow> class_list(Database& db, std::int64_t year_id, const std::string& on,
                                     std::optional<int> grade, std::optional<std::string> letter);

}  // namespace schoolctl::store
