#include "store/roster_export.h"

namespace schoolctl::store {
namespace {

constexpr const char* person_columns =
    "p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id, p.match_key";

PersonFields read_person(const Statement& st) {
    return {st.get_text(1),          st.get_text(2),          st.get_text(3),
            st.get_optional_text(4), st.get_optional_text(5), st.get_text(6)};
}

} // namespace

std::vector<RosterPupil> roster_pupils(Database& db, std::int64_t school_id, std::int64_t year_id) {
    Statement st =
        db.prepare(std::string("SELECT ") + person_columns +
                   ", m.class_id, u.family_key "
                   "FROM pupils u JOIN people p ON p.id = u.person_id "
                   "JOIN class_memberships m ON m.pupil_id = u.person_id AND m.to_date IS NULL "
                   "JOIN classes c ON c.id = m.class_id "
                   "WHERE p.school_id = ? AND c.year_id = ? AND u.left_on IS NULL "
                   "ORDER BY p.id, m.from_date DESC");
    st.bind_all(school_id, year_id);
    std::vector<RosterPupil> out;
    while (st.step() == Step::row) {
        std::int64_t id = st.get_int(0);
        if (!out.empty() && out.back().person_id == id) {
            continue; // two open memberships: the later one is the class now
        }
        out.push_back({id, read_person(st), st.get_int(7), st.get_optional_text(8)});
    }
    return out;
}

std::vector<StaffRow> roster_staff(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(std::string("SELECT ") + person_columns +
                              ", s.position FROM staff s JOIN people p ON p.id = s.person_id "
                              "WHERE p.school_id = ? AND s.left_on IS NULL ORDER BY p.id");
    st.bind(1, school_id);
    std::vector<StaffRow> out;
    while (st.step() == Step::row) {
        StaffRow r;
        r.person_id = st.get_int(0);
        r.person = read_person(st);
        r.position = st.get_text(7);
        out.push_back(std::move(r));
    }
    Statement codes =
        db.prepare("SELECT x.staff_id, j.code FROM staff_subjects x "
                   "JOIN subjects j ON j.id = x.subject_id JOIN people p ON p.id = x.staff_id "
                   "WHERE p.school_id = ? ORDER BY x.staff_id, j.code");
    codes.bind(1, school_id);
    auto it = out.begin();
    while (codes.step() == Step::row) {
        std::int64_t staff_id = codes.get_int(0);
        while (it != out.end() && it->person_id < staff_id) {
            ++it;
        }
        if (it != out.end() && it->person_id == staff_id) {
            it->subject_codes.push_back(codes.get_text(1));
        }
    }
    return out;
}

std::vector<RosterGuardian> roster_guardians(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(std::string("SELECT ") + person_columns +
                              ", g.phone, g.email FROM guardians g "
                              "JOIN people p ON p.id = g.person_id "
                              "WHERE p.school_id = ? ORDER BY p.id");
    st.bind(1, school_id);
    std::vector<RosterGuardian> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), read_person(st), st.get_text(7), st.get_text(8)});
    }
    return out;
}

std::vector<RosterGuardianLink> roster_guardian_links(Database& db, std::int64_t school_id) {
    Statement st = db.prepare("SELECT l.guardian_id, l.pupil_id, l.relation FROM guardian_links l "
                              "JOIN people p ON p.id = l.guardian_id WHERE p.school_id = ? "
                              "ORDER BY l.guardian_id, l.pupil_id");
    st.bind(1, school_id);
    std::vector<RosterGuardianLink> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2)});
    }
    return out;
}

std::vector<RosterGroup> roster_groups(Database& db, std::int64_t year_id) {
    Statement st =
        db.prepare("SELECT id, name, class_id, kind FROM groups WHERE year_id = ? ORDER BY id");
    st.bind(1, year_id);
    std::vector<RosterGroup> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), st.get_optional_int(2), st.get_text(3)});
    }
    return out;
}

std::vector<RosterGroupMember> roster_group_members(Database& db, std::int64_t year_id) {
    Statement st =
        db.prepare("SELECT m.group_id, m.pupil_id FROM group_memberships m "
                   "JOIN groups g ON g.id = m.group_id WHERE g.year_id = ? AND m.to_date IS NULL "
                   "ORDER BY m.group_id, m.pupil_id");
    st.bind(1, year_id);
    std::vector<RosterGroupMember> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1)});
    }
    return out;
}

std::vector<RosterAssignment> roster_assignments(Database& db, std::int64_t year_id,
                                                 const std::string& today) {
    Statement st = db.prepare(
        "SELECT t.staff_id, t.subject_id, t.class_id, t.group_id FROM teaching_assignments t "
        "LEFT JOIN classes c ON c.id = t.class_id LEFT JOIN groups g ON g.id = t.group_id "
        "WHERE (c.year_id = ?1 OR g.year_id = ?1) AND (t.to_date IS NULL OR t.to_date >= ?2) "
        "ORDER BY t.id");
    st.bind_all(year_id, today);
    std::vector<RosterAssignment> out;
    while (st.step() == Step::row) {
        out.push_back(
            {st.get_int(0), st.get_int(1), st.get_optional_int(2), st.get_optional_int(3)});
    }
    return out;
}

std::vector<PersonLogin> roster_logins(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT a.person_id, min(a.login) FROM accounts a JOIN people p ON p.id = a.person_id "
        "WHERE p.school_id = ? AND a.status = 'active' GROUP BY a.person_id ORDER BY a.person_id");
    st.bind(1, school_id);
    std::vector<PersonLogin> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1)});
    }
    return out;
}

} // namespace schoolctl::store
