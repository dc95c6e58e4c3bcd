#include "store/diary.h"

namespace schoolctl::store {
namespace {

// ?1 year, ?2 pupil, ?3 and ?4 the dates.
std::vector<DiaryLesson> diary_lessons(Database& db, std::int64_t year_id, std::int64_t pupil_id,
                                       const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        "SELECT l.id, l.date, l.lesson_no, l.status, s.code, s.name, coalesce(g.name, ''), "
        "coalesce(n.topic, ''), coalesce(n.homework, '') FROM lessons l "
        "JOIN timetable_rules r ON r.id = l.rule_id JOIN subjects s ON s.id = r.subject_id "
        "LEFT JOIN groups g ON g.id = r.group_id "
        "LEFT JOIN lesson_notes n ON n.lesson_id = l.id "
        "WHERE r.year_id = ?1 AND l.date BETWEEN ?3 AND ?4 AND ("
        "EXISTS (SELECT 1 FROM class_memberships cm WHERE cm.pupil_id = ?2 "
        "AND cm.class_id = r.class_id AND cm.from_date <= l.date "
        "AND (cm.to_date IS NULL OR cm.to_date >= l.date)) "
        "OR EXISTS (SELECT 1 FROM group_memberships gm WHERE gm.pupil_id = ?2 "
        "AND gm.group_id = r.group_id AND gm.from_date <= l.date "
        "AND (gm.to_date IS NULL OR gm.to_date >= l.date)) "
        "OR EXISTS (SELECT 1 FROM marks m WHERE m.lesson_id = l.id AND m.pupil_id = ?2) "
        "OR EXISTS (SELECT 1 FROM attendance a WHERE a.lesson_id = l.id AND a.pupil_id = ?2)) "
        "ORDER BY l.date, l.lesson_no, l.id");
    st.bind_all(year_id, pupil_id, from, to);
    std::vector<DiaryLesson> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), static_cast<int>(st.get_int(2)),
                       st.get_text(3) == "cancelled", st.get_text(4), st.get_text(5),
                       st.get_text(6), st.get_text(7), st.get_text(8)});
    }
    return out;
}

}  // namespace

DiaryDays read_diary_days(Database& db, std::int64_t year_id, std::int64_t pupil_id,
                          const std::string& from, const std::string& to) {
    DiaryDays d;
    d.lessons = diary_lessons(db, year_id, pupil_id, from, to);
    {
        Statement st = db.prepare(
            "SELECT m.id, m.lesson_id, m.work_type, m.value, m.comment FROM lessons l "
            "JOIN marks m ON m.lesson_id = l.id AND m.pupil_id = ?1 "
            "WHERE l.date BETWEEN ?2 AND ?3 ORDER BY l.date, l.lesson_no, m.lesson_id, m.id");
        st.bind_all(pupil_id, from, to);
        while (st.step() == Step::row) {
            d.marks.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3),
                               st.get_text(4)});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT a.lesson_id, a.code, a.minutes_late, a.note FROM lessons l "
            "JOIN attendance a ON a.lesson_id = l.id AND a.pupil_id = ?1 "
            "WHERE l.date BETWEEN ?2 AND ?3 ORDER BY l.date, l.lesson_no");
        st.bind_all(pupil_id, from, to);
        while (st.step() == Step::row) {
            std::optional<int> late;
            if (auto m = st.get_optional_int(2)) {
                late = static_cast<int>(*m);
            }
            d.absences.push_back({st.get_int(0), st.get_text(1), late, st.get_text(3)});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT id, lesson_id, date, text FROM remarks WHERE pupil_id = ?1 "
            "AND date BETWEEN ?2 AND ?3 ORDER BY date, id");
        st.bind_all(pupil_id, from, to);
        while (st.step() == Step::row) {
            d.remarks.push_back({st.get_int(0), st.get_optional_int(1), st.get_text(2),
                                 st.get_text(3)});
        }
    }
    return d;
}

}  // namespace schoolctl::store
