#include "store/mark_listing.h"

namespace schoolctl::store {
namespace {

constexpr const char* listed_columns =
    "SELECT m.id, m.lesson_id, m.pupil_id, m.work_type, m.slot, m.value, m.points, "
    "m.second_points, m.comment, m.author_id, m.source, m.created_at, m.updated_at, "
    "r.year_id, l.date, l.lesson_no, r.subject_id, s.code, s.name, r.class_id, r.group_id, "
    "p.last_name, p.first_name, p.middle_name "
    "FROM marks m JOIN lessons l ON l.id = m.lesson_id "
    "JOIN timetable_rules r ON r.id = l.rule_id JOIN subjects s ON s.id = r.subject_id "
    "JOIN people p ON p.id = m.pupil_id ";

ListedMark read_listed(const Statement& st) {
    ListedMark out;
    MarkRow& m = out.mark;
    m.id = st.get_int(0);
    m.lesson_id = st.get_int(1);
    m.pupil_id = st.get_int(2);
    m.work_type = st.get_text(3);
    m.slot = static_cast<int>(st.get_int(4));
    m.value = st.get_text(5);
    m.points = static_cast<int>(st.get_int(6));
    if (auto second = st.get_optional_int(7)) {
        m.second_points = static_cast<int>(*second);
    }
    m.comment = st.get_text(8);
    m.author_id = st.get_optional_int(9);
    m.source = st.get_text(10);
    m.created_at = st.get_text(11);
    m.updated_at = st.get_text(12);
    out.year_id = st.get_int(13);
    out.date = st.get_text(14);
    out.lesson_no = static_cast<int>(st.get_int(15));
    out.subject_id = st.get_int(16);
    out.subject_code = st.get_text(17);
    out.subject_name = st.get_text(18);
    out.class_id = st.get_optional_int(19);
    out.group_id = st.get_optional_int(20);
    out.pupil = {st.get_text(21), st.get_text(22), st.get_text(23)};
    return out;
}

}  // namespace

std::optional<ListedMark> find_listed_mark(Database& db, std::int64_t mark_id) {
    Statement st = db.prepare(std::string(listed_columns) + "WHERE m.id = ?");
    st.bind(1, mark_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return read_listed(st);
}

std::vector<ListedMark> list_marks(Database& db, const MarkFilter& f) {
    // A class's marks are those of its members on the lesson's date, whatever lesson (the
    // class's, a subgroup's, a stream's) they were given in; a pupil who moved away keeps
    // theirs in the old class.
    std::string sql = std::string(listed_columns) +
                      "WHERE r.year_id = ?1 AND l.date BETWEEN ?2 AND ?3 "
                      "AND (?4 IS NULL OR m.pupil_id = ?4) "
                      "AND (?5 IS NULL OR r.subject_id = ?5) "
                      "AND (?6 IS NULL OR EXISTS (SELECT 1 FROM class_memberships cm "
                      "     WHERE cm.pupil_id = m.pupil_id AND cm.class_id = ?6 "
                      "     AND cm.from_date <= l.date "
                      "     AND (cm.to_date IS NULL OR l.date <= cm.to_date))) "
                      "ORDER BY l.date, l.lesson_no, m.id";
    Statement st = db.prepare(sql);
    st.bind(1, f.year_id);
    st.bind(2, f.from);
    st.bind(3, f.to);
    st.bind(4, f.pupil_id);
    st.bind(5, f.subject_id);
    st.bind(6, f.class_id);
    std::vector<ListedMark> out;
    while (st.step() == Step::row) {
        out.push_back(read_listed(st));
    }
    return out;
}

std::optional<std::int64_t> pupil_class_on(Database& db, std::int64_t pupil_id,
                                           const std::string& date) {
    Statement st = db.prepare(
        "SELECT class_id FROM class_memberships WHERE pupil_id = ?1 AND from_date <= ?2 "
        "AND (to_date IS NULL OR ?2 <= to_date) ORDER BY from_date DESC LIMIT 1");
    st.bind(1, pupil_id);
    st.bind(2, date);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return st.get_int(0);
}

}  // namespace schoolctl::store
