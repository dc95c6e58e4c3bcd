#include "store/journal_roster.h"

namespace schoolctl::store {
namespace {

std::vector<MembershipRow> memberships(Database& db, const char* sql, std::int64_t year_id) {
    Statement st = db.prepare(sql);
    st.bind(1, year_id);
    std::vector<MembershipRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_optional_text(3)});
    }
    return out;
}

std::vector<NamedId> named(Database& db, const char* sql, std::int64_t year_id) {
    Statement st = db.prepare(sql);
    st.bind(1, year_id);
    std::vector<NamedId> out;
    while (st.step() == Step::row) {
        out.emplace_back(st.get_int(0), st.get_text(1));
    }
    return out;
}

}  // namespace

std::vector<MembershipRow> year_class_memberships(Database& db, std::int64_t year_id) {
    return memberships(db,
                       "SELECT m.pupil_id, m.class_id, m.from_date, m.to_date "
                       "FROM class_memberships m JOIN classes c ON c.id = m.class_id "
                       "WHERE c.year_id = ? ORDER BY m.pupil_id, m.from_date",
                       year_id);
}

std::vector<MembershipRow> year_group_memberships(Database& db, std::int64_t year_id) {
    return memberships(db,
                       "SELECT m.pupil_id, m.group_id, m.from_date, m.to_date "
                       "FROM group_memberships m JOIN groups g ON g.id = m.group_id "
                       "WHERE g.year_id = ? ORDER BY m.pupil_id, m.from_date",
                       year_id);
}

std::vector<JournalLessonRow> year_lessons(Database& db, std::int64_t year_id,
                                           const std::optional<std::string>& from,
                                           const std::optional<std::string>& to) {
    // With dates, driven by the lessons' date index (the unary plus keeps SQLite from starting
    // at the year's rules, which would visit every lesson of the year).
    const bool dated = from && to;
    Statement st = db.prepare(
        std::string("SELECT l.id, l.date, l.lesson_no, r.subject_id, r.class_id, r.group_id, "
                    "coalesce(l.substitute_id, l.teacher_id), l.status FROM lessons l "
                    "JOIN timetable_rules r ON r.id = l.rule_id ") +
        (dated ? "WHERE +r.year_id = ?1 AND l.date BETWEEN ?2 AND ?3" : "WHERE r.year_id = ?1"));
    st.bind(1, year_id);
    if (dated) {
        st.bind(2, *from).bind(3, *to);
    }
    std::vector<JournalLessonRow> out;
    while (st.step() == Step::row) {
        JournalLessonRow l;
        l.id = st.get_int(0);
        l.date = st.get_text(1);
        l.lesson_no = static_cast<int>(st.get_int(2));
        l.subject_id = st.get_int(3);
        l.class_id = st.get_optional_int(4);
        l.group_id = st.get_optional_int(5);
        l.teacher_id = st.get_int(6);
        l.cancelled = st.get_text(7) == "cancelled";
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<NamedId> year_class_names(Database& db, std::int64_t year_id) {
    return named(db, "SELECT id, grade || letter FROM classes WHERE year_id = ?", year_id);
}

std::vector<NamedId> year_group_names(Database& db, std::int64_t year_id) {
    return named(db, "SELECT id, name FROM groups WHERE year_id = ?", year_id);
}

std::vector<NamedId> year_subject_names(Database& db, std::int64_t year_id) {
    return named(db,
                 "SELECT s.id, s.name FROM subjects s JOIN academic_years y "
                 "ON y.school_id = s.school_id WHERE y.id = ?",
                 year_id);
}

}  // namespace schoolctl::store
