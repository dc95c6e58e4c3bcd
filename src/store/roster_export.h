#pragma once
// The current roster read whole, for `schoolctl export roster`: one query per kind instead of
// the per-row lookups imports use. Read-only; ids order every list, so the order is the order
// the school's files first brought the rows in.
#include "store/database.h"
#include "store/people.h"
#include "store/staff.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::store {

// A pupil who has not left, with the class of the year they are in now.
struct RosterPupil {
    std::int64_t person_id = 0;
    PersonFields person;
    std::int64_t class_id = 0;
    std::optional<std::string> family_key;
};

struct RosterGuardian {
    std::int64_t person_id = 0;
    PersonFields person;
    std::string phone;
    std::string email;
};

struct RosterGuardianLink {
    std::int64_t guardian_id = 0;
    std::int64_t pupil_id = 0;
    std::string relation;
};

struct RosterGroup {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> class_id; // a subgroup's class
    std::string kind;                     // subgroup | stream | elective
};

struct RosterGroupMember {
    std::int64_t group_id = 0;
    std::int64_t pupil_id = 0;
};

// A teaching assignment of the year: exactly one of class_id and group_id is set.
struct RosterAssignment {
    std::int64_t staff_id = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> group_id;
};

// Pupils who have not left and whose open class membership is in a class of the year.
std::vector<RosterPupil> roster_pupils(Database& db, std::int64_t school_id, std::int64_t year_id);
// Staff who have not left, with the codes of the subjects each can teach (sorted).
std::vector<StaffRow> roster_staff(Database& db, std::int64_t school_id);
std::vector<RosterGuardian> roster_guardians(Database& db, std::int64_t school_id);
// Every guardian-child link of the school, by guardian then pupil.
std::vector<RosterGuardianLink> roster_guardian_links(Database& db, std::int64_t school_id);
std::vector<RosterGroup> roster_groups(Database& db, std::int64_t year_id);
// Open group memberships of the year's groups, by group then pupil.
std::vector<RosterGroupMember> roster_group_members(Database& db, std::int64_t year_id);
// Assignments to the year's classes and groups that have not ended before `today` (ISO).
std::vector<RosterAssignment> roster_assignments(Database& db, std::int64_t year_id,
                                                 const std::string& today);

struct PersonLogin {
    std::int64_t person_id = 0;
    std::string login;
};

// The login of each person of the school with an active account (the first by login when a
// person has several).
std::vector<PersonLogin> roster_logins(Database& db, std::int64_t school_id);

} // namespace schoolctl::store
