#pragma once
// The current roster of one school and year as one consistent set: what `schoolctl export
// roster` writes in every format. Every reference inside it points at something in it: links to
// pupils who left are dropped (they are history, not roster), and so are class teachers and
// assignments of staff who left, with a warning.
#include "store/pupils.h"
#include "store/roster_export.h"
#include "store/schools.h"
#include "store/subjects.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace schoolctl::app {

struct RosterGuardianEntry {
    store::RosterGuardian guardian;
    std::vector<store::RosterGuardianLink> children; // to exported pupils only, by pupil id
};

struct RosterGroupEntry {
    store::RosterGroup group;
    std::vector<std::int64_t> members; // exported pupils, by id
};

struct RosterSnapshot {
    store::SchoolRow school;
    store::YearRow year;
    std::vector<store::SubjectRow> subjects; // by code
    std::vector<store::StaffRow> staff;
    std::vector<store::ClassRow> classes; // by grade and letter; class teachers exported
    std::vector<store::RosterPupil> pupils;
    std::vector<RosterGuardianEntry> guardians; // those with a child among the pupils
    std::vector<RosterGroupEntry> groups;
    std::vector<store::RosterAssignment> assignments;
    std::map<std::int64_t, std::string> logins; // person id -> account login

    // Lookups by id; every id the snapshot holds resolves.
    const store::RosterPupil& pupil(std::int64_t id) const;
    const store::StaffRow& staff_member(std::int64_t id) const;
    const store::ClassRow& class_row(std::int64_t id) const;
    const store::SubjectRow& subject(std::int64_t id) const;
    const RosterGroupEntry& group(std::int64_t id) const;

    // Builds the indexes the lookups use; call once the vectors are filled.
    void index();

  private:
    std::map<std::int64_t, std::size_t> pupil_at_, staff_at_, class_at_, subject_at_, group_at_;
};

// Warnings name what the export leaves out and why, one line each.
struct LoadedRoster {
    RosterSnapshot roster;
    std::vector<std::string> warnings;
};

// Reads the school's roster of the academic year of `today` (ISO). Exit 78 when the school has
// no academic year.
LoadedRoster load_roster(store::Database& db, const store::SchoolRow& school,
                         const std::string& today);

} // namespace schoolctl::app
