#include "store/report_data.h"

namespace schoolctl::store {

std::vector<FinalValueRow> final_values(Database& db, std::int64_t year_id) {
    Statement st = db.prepare(
        "SELECT pupil_id, subject_id, period, final FROM final_marks "
        "WHERE year_id = ?1 AND final <> ''");
    st.bind(1, year_id);
    std::vector<FinalValueRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3)});
    }
    return out;
}

std::vector<RollRow> class_rolls(Database& db, std::int64_t year_id, const std::string& from,
                                 const std::string& to) {
    Statement st = db.prepare(
        "SELECT m.pupil_id, m.class_id, m.from_date, m.to_date, p.last_name, p.first_name, "
        "p.middle_name, coalesce(p.external_id, '') FROM class_memberships m "
        "JOIN classes c ON c.id = m.class_id JOIN people p ON p.id = m.pupil_id "
        "WHERE c.year_id = ?1 AND m.from_date <= ?3 AND (m.to_date IS NULL OR m.to_date >= ?2) "
        "ORDER BY m.class_id, m.pupil_id, m.from_date");
    st.bind(1, year_id).bind(2, from).bind(3, to);
    std::vector<RollRow> out;
    while (st.step() == Step::row) {
        RollRow r;
        r.pupil_id = st.get_int(0);
        r.class_id = st.get_int(1);
        r.from_date = st.get_text(2);
        r.to_date = st.get_optional_text(3);
        r.name = {st.get_text(4), st.get_text(5), st.get_text(6)};
        r.external_id = st.get_text(7);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<AbsenceRow> absences_between(Database& db, std::int64_t year_id,
                                         const std::string& from, const std::string& to) {
    // Driven by the lessons of the dates (index lessons_date); the unary plus keeps the planner
    // from starting at the year's rules and reading every lesson of the year.
    Statement st = db.prepare(
        "SELECT a.pupil_id, a.lesson_id, l.date, l.lesson_no, r.subject_id, a.code "
        "FROM lessons l JOIN timetable_rules r ON r.id = l.rule_id "
        "JOIN attendance a ON a.lesson_id = l.id "
        "WHERE +r.year_id = ?1 AND l.date BETWEEN ?2 AND ?3 "
        "ORDER BY a.pupil_id, l.date, l.lesson_no");
    st.bind(1, year_id).bind(2, from).bind(3, to);
    std::vector<AbsenceRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2),
                       static_cast<int>(st.get_int(3)), st.get_int(4), st.get_text(5)});
    }
    return out;
}

std::vector<TeachingRow> teaching_between(Database& db, std::int64_t year_id,
                                          const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        "SELECT DISTINCT r.teacher_id, r.subject_id, r.class_id, r.group_id, p.last_name, "
        "p.first_name, p.middle_name FROM timetable_rules r JOIN people p ON p.id = r.teacher_id "
        "WHERE r.year_id = ?1 AND r.valid_from <= ?3 AND r.valid_to >= ?2 "
        "ORDER BY r.teacher_id, r.subject_id, r.class_id, r.group_id");
    st.bind(1, year_id).bind(2, from).bind(3, to);
    std::vector<TeachingRow> out;
    while (st.step() == Step::row) {
        TeachingRow t;
        t.teacher_id = st.get_int(0);
        t.subject_id = st.get_int(1);
        t.class_id = st.get_optional_int(2);
        t.group_id = st.get_optional_int(3);
        t.teacher = {st.get_text(4), st.get_text(5), st.get_text(6)};
        out.push_back(std::move(t));
    }
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> group_members_on(Database& db,
                                                                   std::int64_t year_id,
                                                                   const std::string& date) {
    Statement st = db.prepare(
        "SELECT m.group_id, m.pupil_id FROM group_memberships m "
        "JOIN groups g ON g.id = m.group_id WHERE g.year_id = ?1 AND m.from_date <= ?2 "
        "AND (m.to_date IS NULL OR m.to_date >= ?2) ORDER BY m.group_id, m.pupil_id");
    st.bind(1, year_id).bind(2, date);
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (st.step() == Step::row) {
        out.emplace_back(st.get_int(0), st.get_int(1));
    }
    return out;
}

}  // namespace schoolctl::store
