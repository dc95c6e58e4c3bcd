#include "store/names.h"

namespace schoolctl::store {
namespace {

std::optional<std::string> one_text(Database& db, const char* sql, std::int64_t id) {
    Statement st = db.prepare(sql);
    st.bind(1, id);
    return st.step() == Step::row ? std::optional(st.get_text(0)) : std::nullopt;
}

}  // namespace

std::optional<std::string> school_name(Database& db, std::int64_t school_id) {
    return one_text(db, "SELECT name FROM schools WHERE id = ?", school_id);
}

std::optional<std::string> class_name(Database& db, std::int64_t class_id) {
    return one_text(db, "SELECT grade || letter FROM classes WHERE id = ?", class_id);
}

std::optional<std::string> group_name(Database& db, std::int64_t group_id) {
    return one_text(db, "SELECT name FROM groups WHERE id = ?", group_id);
}

std::optional<std::string> subject_name(Database& db, std::int64_t subject_id) {
    return one_text(db, "SELECT name FROM subjects WHERE id = ?", subject_id);
}

std::optional<domain::PersonName> person_name(Database& db, std::int64_t person_id) {
    Statement st =
        db.prepare("SELECT last_name, first_name, middle_name FROM people WHERE id = ?");
    st.bind(1, person_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return domain::PersonName{st.get_text(0), st.get_text(1), st.get_text(2)};
}

}  // namespace schoolctl::store
