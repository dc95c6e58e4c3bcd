#include "store/subjects.h"

namespace schoolctl::store {

std::vector<SubjectRow> list_subjects(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT id, code, name, scale FROM subjects WHERE school_id = ? ORDER BY code");
    st.bind(1, school_id);
    std::vector<SubjectRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3)});
    }
    return out;
}

std::int64_t insert_subject(Database& db, std::int64_t school_id, const SubjectRow& s) {
    auto st = db.cached("INSERT INTO subjects(school_id, code, name, scale) VALUES (?, ?, ?, ?)");
    st->bind_all(school_id, s.code, s.name, s.scale);
    st->run();
    return db.last_insert_id();
}

void update_subject(Database& db, const SubjectRow& s) {
    auto st = db.cached("UPDATE subjects SET code = ?, name = ?, scale = ? WHERE id = ?");
    st->bind_all(s.code, s.name, s.scale, s.id);
    st->run();
}

}  // namespace schoolctl::store
