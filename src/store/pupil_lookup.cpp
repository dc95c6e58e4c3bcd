#include "store/pupil_lookup.h"

namespace schoolctl::store {
namespace {

constexpr const char* match_columns =
    "SELECT p.id, p.last_name, p.first_name, p.middle_name, coalesce(p.external_id, ''), "
    "coalesce(c.grade || c.letter, ''), u.left_on "
    "FROM pupils u JOIN people p ON p.id = u.person_id "
    "LEFT JOIN class_memberships m ON m.pupil_id = u.person_id AND m.to_date IS NULL "
    "LEFT JOIN classes c ON c.id = m.class_id ";

PupilMatch read_match(const Statement& st) {
    return {st.get_int(0),
            {st.get_text(1), st.get_text(2), st.get_text(3)},
            st.get_text(4),
            st.get_text(5),
            st.get_optional_text(6)};
}

}  // namespace

std::optional<PupilMatch> find_pupil_match(Database& db, std::int64_t school_id,
                                           std::int64_t person_id) {
    static const std::string sql = std::string(match_columns) + "WHERE p.school_id = ? AND p.id = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, person_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_match(*st);
}

std::vector<PupilMatch> find_pupils_by_name_start(Database& db, std::int64_t school_id,
                                                  const std::string& match_key) {
    // A range on the key rather than LIKE: it uses the index people_match, and "!" is the
    // character right after the space.
    static const std::string sql =
        std::string(match_columns) +
        "WHERE p.school_id = ?1 AND (p.match_key = ?2 OR (p.match_key > ?2 || ' ' AND "
        "p.match_key < ?2 || '!')) ORDER BY p.id";
    auto st = db.cached(sql);
    st->bind(1, school_id);
    st->bind(2, match_key);
    std::vector<PupilMatch> out;
    while (st->step() == Step::row) {
        out.push_back(read_match(*st));
    }
    return out;
}

std::vector<std::string> pupil_class_names(Database& db, std::int64_t pupil_id) {
    auto st = db.cached(
        "SELECT DISTINCT c.grade || c.letter FROM class_memberships m "
        "JOIN classes c ON c.id = m.class_id WHERE m.pupil_id = ?");
    st->bind(1, pupil_id);
    std::vector<std::string> out;
    while (st->step() == Step::row) {
        out.push_back(st->get_text(0));
    }
    return out;
}

}  // namespace schoolctl::store
