#include "app/export/roster_snapshot.h"

#include "util/error.h"

#include <algorithm>
#include <set>

namespace schoolctl::app {
namespace {

template <typename Row, typename Id>
std::map<std::int64_t, std::size_t> positions(const std::vector<Row>& rows, Id id_of) {
    std::map<std::int64_t, std::size_t> at;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        at.emplace(id_of(rows[i]), i);
    }
    return at;
}

template <typename Row>
const Row& at(const std::vector<Row>& rows, const std::map<std::int64_t, std::size_t>& index,
              std::int64_t id) {
    return rows.at(index.at(id));
}

std::string count_of(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// Teachers who left stay in the database as class teachers and in assignments; the roster
// shows only who is on the staff now.
void drop_departed_teachers(RosterSnapshot& r, std::vector<std::string>& warnings) {
    std::set<std::int64_t> staff;
    for (const auto& s : r.staff) {
        staff.insert(s.person_id);
    }
    for (auto& c : r.classes) {
        if (c.class_teacher_id && !staff.contains(*c.class_teacher_id)) {
            warnings.push_back("class " + c.name() +
                               ": the class teacher has left the staff; exported without one");
            c.class_teacher_id.reset();
        }
    }
    std::size_t before = r.assignments.size();
    std::erase_if(r.assignments,
                  [&](const store::RosterAssignment& a) { return !staff.contains(a.staff_id); });
    if (std::size_t dropped = before - r.assignments.size(); dropped > 0) {
        warnings.push_back(count_of(dropped, "teaching assignment", "teaching assignments") +
                           " of staff who have left not exported");
    }
}

} // namespace

const store::RosterPupil& RosterSnapshot::pupil(std::int64_t id) const {
    return at(pupils, pupil_at_, id);
}
const store::StaffRow& RosterSnapshot::staff_member(std::int64_t id) const {
    return at(staff, staff_at_, id);
}
const store::ClassRow& RosterSnapshot::class_row(std::int64_t id) const {
    return at(classes, class_at_, id);
}
const store::SubjectRow& RosterSnapshot::subject(std::int64_t id) const {
    return at(subjects, subject_at_, id);
}
const RosterGroupEntry& RosterSnapshot::group(std::int64_t id) const {
    return at(groups, group_at_, id);
}

void RosterSnapshot::index() {
    pupil_at_ = positions(pupils, [](const auto& p) { return p.person_id; });
    staff_at_ = positions(staff, [](const auto& s) { return s.person_id; });
    class_at_ = positions(classes, [](const auto& c) { return c.id; });
    subject_at_ = positions(subjects, [](const auto& s) { return s.id; });
    group_at_ = positions(groups, [](const auto& g) { return g.group.id; });
}

LoadedRoster load_roster(store::Database& db, const store::SchoolRow& school,
                         const std::string& today) {
    LoadedRoster loaded;
    RosterSnapshot& r = loaded.roster;
    r.school = school;
    auto year = store::current_year(db, school.id, today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year for " + today +
                                          "; set [academic_year] in schoolctl.toml and run "
                                          "`schoolctl init`");
    }
    r.year = *year;
    r.subjects = store::list_subjects(db, school.id);
    r.staff = store::roster_staff(db, school.id);
    r.classes = store::list_classes(db, r.year.id);
    r.pupils = store::roster_pupils(db, school.id, r.year.id);
    r.assignments = store::roster_assignments(db, r.year.id, today);
    for (const auto& login : store::roster_logins(db, school.id)) {
        r.logins.emplace(login.person_id, login.login);
    }
    drop_departed_teachers(r, loaded.warnings);

    std::set<std::int64_t> pupils;
    for (const auto& p : r.pupils) {
        pupils.insert(p.person_id);
    }
    if (std::size_t elsewhere = store::current_pupils(db, school.id).size() - pupils.size();
        elsewhere > 0) {
        loaded.warnings.push_back(count_of(elsewhere, "pupil", "pupils") +
                                  " who have not left but are in no class of " + r.year.name +
                                  " not exported");
    }

    // Guardians and group members of pupils who left are history, not roster.
    auto links = store::roster_guardian_links(db, school.id);
    auto link = links.begin();
    for (auto& g : store::roster_guardians(db, school.id)) {
        RosterGuardianEntry entry{std::move(g), {}};
        for (; link != links.end() && link->guardian_id <= entry.guardian.person_id; ++link) {
            if (link->guardian_id == entry.guardian.person_id && pupils.contains(link->pupil_id)) {
                entry.children.push_back(*link);
            }
        }
        if (!entry.children.empty()) {
            r.guardians.push_back(std::move(entry));
        }
    }
    auto members = store::roster_group_members(db, r.year.id);
    auto member = members.begin();
    for (auto& g : store::roster_groups(db, r.year.id)) {
        RosterGroupEntry entry{std::move(g), {}};
        for (; member != members.end() && member->group_id <= entry.group.id; ++member) {
            if (member->group_id == entry.group.id && pupils.contains(member->pupil_id)) {
                entry.members.push_back(member->pupil_id);
            }
        }
        r.groups.push_back(std::move(entry));
    }
    r.index();
    return loaded;
}

} // namespace schoolctl::app
