#include "store/journal_sheet.h"

namespace schoolctl::store {
namespace {

// SELECT `columns` from the target's lessons in the dates joined with `join`.
std::string over_lessons(const std::string& columns, const std::string& join,
                         const std::string& order) {
    return "SELECT " + columns +
           " FROM lessons l JOIN timetable_rules r ON r.id = l.rule_id " + join +
           " WHERE r.year_id = ?1 AND r.subject_id = ?2 AND r.class_id IS ?3 "
           "AND r.group_id IS ?4 AND l.date BETWEEN ?5 AND ?6 AND l.status <> 'cancelled' "
           "ORDER BY " + order;
}

void bind_target(Statement& st, const SheetTarget& t) {
    st.bind(1, t.year_id).bind(2, t.subject_id).bind(3, t.class_id).bind(4, t.group_id);
    st.bind(5, t.from).bind(6, t.to);
}

std::vector<SheetEntry> entries(Database& db, const SheetTarget& t, const std::string& sql) {
    Statement st = db.prepare(sql);
    bind_target(st, t);
    std::vector<SheetEntry> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2)});
    }
    return out;
}

}  // namespace

std::vector<SheetLesson> sheet_lessons(Database& db, const SheetTarget& t) {
    Statement st = db.prepare(over_lessons(
        "l.id, l.date, l.lesson_no, coalesce(n.topic, ''), coalesce(n.homework, '')",
        "LEFT JOIN lesson_notes n ON n.lesson_id = l.id", "l.date, l.lesson_no"));
    bind_target(st, t);
    std::vector<SheetLesson> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), static_cast<int>(st.get_int(2)),
                       st.get_text(3), st.get_text(4)});
    }
    return out;
}

std::vector<SheetEntry> sheet_marks(Database& db, const SheetTarget& t) {
    return entries(db, t,
                   over_lessons("m.lesson_id, m.pupil_id, m.value",
                                "JOIN marks m ON m.lesson_id = l.id",
                                "l.date, l.lesson_no, m.pupil_id, m.work_type, m.slot"));
}

std::vector<SheetEntry> sheet_absences(Database& db, const SheetTarget& t) {
    return entries(db, t,
                   over_lessons("a.lesson_id, a.pupil_id, a.code",
                                "JOIN attendance a ON a.lesson_id = l.id",
                                "l.date, l.lesson_no, a.pupil_id"));
}

}  // namespace schoolctl::store
