#pragma once
// Pupils, their classes and class memberships.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct PersonFields {
    std::string last_name;
    std::string first_name;
    std::string middle_name;
    std::optional<std::string> birth_date;  // ISO
    std::optional<std::string> external_id;
    std::string match_key;
};

struct PupilRow {
    std::int64_t person_id = 0;
    PersonFields person;
    std::optional<std::int64_t> class_id;  // the open class membership, if any
    std::string class_name;                // "5А" or ""
};

std::optional<std::int64_t> find_class(Database& db, std::int64_t year_id, int grade,
                                       const std::string& letter);
std::int64_t insert_class(Database& db, std::int64_t year_id, int grade, const std::string& letter);

std::optional<PupilRow> find_pupil_by_external_id(Database& db, std::int64_t school_id,
                                                  const std::string& external_id);
// Pupils sharing a name key and birth date: the natural key when a file has no id column.
std::vector<PupilRow> find_pupils_by_natural_key(Database& db, std::int64_t school_id,
                                                 const std::string& match_key,
                                                 const std::optional<std::string>& birth_date);

std::int64_t insert_pupil(Database& db, std::int64_t school_id, const PersonFields& person,
                          const std::string& now);
void update_person(Database& db, std::int64_t person_id, const PersonFields& person,
                   const std::string& now);
// Closes the pupil's open class membership the day before `from` and opens one in `class_id`.
void move_to_class(Database& db, std::int64_t pupil_id, std::int64_t class_id,
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
