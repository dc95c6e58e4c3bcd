#include "store/access_scope.h"

namespace schoolctl::store {

std::vector<domain::Grant> roster_grants_of(Database& db, std::int64_t person_id,
                                            const std::string& today) {
    using domain::Role;
    using domain::Scope;
    std::vector<domain::Grant> out;
    {
        Statement st = db.prepare(
            "SELECT p.school_id FROM pupils u JOIN people p ON p.id = u.person_id "
            "WHERE u.person_id = ? AND u.left_on IS NULL");
        st.bind(1, person_id);
        if (st.step() == Step::row) {
            out.push_back({Role::student, Scope::child, st.get_int(0), {}, {}, {}, person_id});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT p.school_id, l.pupil_id FROM guardian_links l "
            "JOIN pupils u ON u.person_id = l.pupil_id JOIN people p ON p.id = l.pupil_id "
            "WHERE l.guardian_id = ? AND u.left_on IS NULL ORDER BY l.pupil_id");
        st.bind(1, person_id);
        while (st.step() == Step::row) {
            out.push_back({Role::guardian, Scope::child, st.get_int(0), {}, {}, {}, st.get_int(1)});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT p.school_id, a.subject_id, coalesce(a.class_id, g.class_id), a.group_id "
            "FROM teaching_assignments a JOIN staff s ON s.person_id = a.staff_id "
            "JOIN people p ON p.id = a.staff_id LEFT JOIN groups g ON g.id = a.group_id "
            "WHERE a.staff_id = ? AND s.left_on IS NULL "
            "AND (a.from_date IS NULL OR a.from_date <= ?2) "
            "AND (a.to_date IS NULL OR a.to_date >= ?2) ORDER BY a.id");
        st.bind_all(person_id, today);
        while (st.step() == Step::row) {
            out.push_back({Role::teacher, Scope::subject, st.get_int(0), st.get_optional_int(2),
                           st.get_optional_int(3), st.get_int(1), {}});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT p.school_id, c.id FROM classes c JOIN staff s ON s.person_id = "
            "c.class_teacher_id JOIN people p ON p.id = s.person_id "
            "WHERE c.class_teacher_id = ? AND s.left_on IS NULL "
            // The classes of the year under way (the last one begun, so also in the summer);
            // before the first year begins, of that first year.
            "AND c.year_id = (SELECT y.id FROM academic_years y WHERE y.school_id = p.school_id "
            "                 ORDER BY y.start_date <= ?2 DESC, "
            "                 CASE WHEN y.start_date <= ?2 THEN y.start_date END DESC, "
            "                 y.start_date LIMIT 1) "
            "ORDER BY c.id");
        st.bind_all(person_id, today);
        while (st.step() == Step::row) {
            out.push_back(
                {Role::class_teacher, Scope::school_class, st.get_int(0), st.get_int(1), {}, {}, {}});
        }
    }
    return out;
}

bool is_current_member(Database& db, std::int64_t person_id) {
    Statement st = db.prepare(
        "SELECT EXISTS (SELECT 1 FROM pupils WHERE person_id = ?1 AND left_on IS NULL) "
        "OR EXISTS (SELECT 1 FROM staff WHERE person_id = ?1 AND left_on IS NULL) "
        "OR EXISTS (SELECT 1 FROM guardian_links l JOIN pupils u ON u.person_id = l.pupil_id "
        "           WHERE l.guardian_id = ?1 AND u.left_on IS NULL)");
    st.bind(1, person_id);
    return st.step() == Step::row && st.get_int(0) != 0;
}

domain::Target pupil_target(Database& db, std::int64_t pupil_id, const std::string& today) {
    domain::Target t;
    t.pupil_id = pupil_id;
    {
        Statement st = db.prepare("SELECT school_id FROM people WHERE id = ?");
        st.bind(1, pupil_id);
        if (st.step() == Step::row) {
            t.school_id = st.get_int(0);
        }
    }
    {
        Statement st = db.prepare(
            "SELECT class_id FROM class_memberships WHERE pupil_id = ? "
            "AND (to_date IS NULL OR to_date >= ?2) "
            "ORDER BY from_date <= ?2 DESC, from_date DESC LIMIT 1");
        st.bind_all(pupil_id, today);
        if (st.step() == Step::row) {
            t.class_id = st.get_int(0);
        }
    }
    Statement st = db.prepare(
        "SELECT group_id FROM group_memberships WHERE pupil_id = ? "
        "AND (to_date IS NULL OR to_date >= ?2) ORDER BY group_id");
    st.bind_all(pupil_id, today);
    while (st.step() == Step::row) {
        t.group_ids.push_back(st.get_int(0));
    }
    return t;
}

}  // namespace schoolctl::store
