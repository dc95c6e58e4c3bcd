#include "store/lesson_revisions.h"

namespace schoolctl::store {

std::map<std::int64_t, int> lesson_change_counts(Database& db, std::int64_t year_id,
                                                 const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        "SELECT c.lesson_id, count(*) FROM lesson_changes c JOIN lessons l ON l.id = c.lesson_id "
        "JOIN timetable_rules r ON r.id = l.rule_id WHERE r.year_id = ? AND l.date BETWEEN ? AND ? "
        "GROUP BY c.lesson_id");
    st.bind_all(year_id, from, to);
    std::map<std::int64_t, int> out;
    while (st.step() == Step::row) {
        out[st.get_int(0)] = static_cast<int>(st.get_int(1));
    }
    return out;
}

} // namespace schoolctl::store
