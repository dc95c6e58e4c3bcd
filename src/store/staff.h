#pragma once
// Staff: teachers, the administration, the secretary; the subjects each can teach.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/people.h"

namespace schoolctl::store {

struct StaffRow {
    std::int64_t person_id = 0;
    PersonFields person;
    std::string position;
    std::optional<std::string> left_on;
    std::vector<std::string> subject_codes;  // sorted
};

std::optional<StaffRow> find_staff_by_external_id(Database& db, std::int64_t school_id,
                                                  const std::string& external_id);
// Staff with this name key (and birth date, when known): the natural key without an id.
std::vector<StaffRow> find_staff_by_name(Database& db, std::int64_t school_id,
                                         const std::string& match_key,
                                         const std::optional<std::string>& birth_date);

// The person, when they are staff of the school (whether or not they have left).
std::optional<std::int64_t> staff_of_person(Database& db, std::int64_t school_id,
                                            std::int64_t person_id);

std::int64_t insert_staff(Database& db, std::int64_t school_id, const PersonFields& person,
                          const std::string& position, const std::string& now);
// Sets the position; a staff member named again after leaving is back (left_on cleared).
void update_staff(Database& db, std::int64_t person_id, const std::string& position);
void staff_left(Database& db, std::int64_t person_id, const std::string& left_on);
void set_staff_subjects(Database& db, std::int64_t person_id,
                        const std::vector<std::int64_t>& subject_ids);
std::vector<std::int64_t> current_staff(Database& db, std::int64_t school_id);

}  // namespace schoolctl::store
