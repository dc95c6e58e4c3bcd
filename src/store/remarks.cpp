#include "store/remarks.h"

namespace schoolctl::store {

std::int64_t insert_remark(Database& db, const RemarkRow& r) {
    Statement st = db.prepare(
        "INSERT INTO remarks(pupil_id, lesson_id, date, text, author_id, created_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind_all(r.pupil_id, r.lesson_id, r.date, r.text, r.author_id, r.created_at);
    st.run();
    return db.last_insert_id();
}

namespace {

constexpr const char* remark_columns =
    "SELECT id, pupil_id, lesson_id, date, text, author_id, created_at FROM remarks ";

std::vector<RemarkRow> remarks_of(Statement& st) {
    std::vector<RemarkRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_optional_int(2), st.get_text(3),
                       st.get_text(4), st.get_optional_int(5), st.get_text(6)});
    }
    return out;
}

}  // namespace

std::vector<RemarkRow> pupil_remarks(Database& db, std::int64_t pupil_id, const std::string& from,
                                     const std::string& to) {
    // Cached: a run of report cards asks this for every pupil of the school.
    auto st = db.cached(std::string(remark_columns) +
                        "WHERE pupil_id = ? AND date BETWEEN ? AND ? ORDER BY date, id");
    st->bind_all(pupil_id, from, to);
    return remarks_of(*st);
}

std::vector<RemarkRow> lesson_remarks(Database& db, std::int64_t lesson_id) {
    Statement st = db.prepare(std::string(remark_columns) + "WHERE lesson_id = ? ORDER BY id");
    st.bind_all(lesson_id);
    return remarks_of(st);
}

}  // namespace schoolctl::store
