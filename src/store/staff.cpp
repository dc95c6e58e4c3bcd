#include "store/staff.h"

#include <algorithm>

namespace schoolctl::store {
namespace {

constexpr const char* staff_columns =
    "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id, "
    "p.match_key, s.position, s.left_on, "
    "(SELECT group_concat(code, ',') FROM (SELECT j.code FROM staff_subjects x "
    " JOIN subjects j ON j.id = x.subject_id WHERE x.staff_id = p.id ORDER BY j.code)) "
    "FROM staff s JOIN people p ON p.id = s.person_id ";

StaffRow read_staff(Statement& st) {
    StaffRow r;
    r.person_id = st.get_int(0);
    r.person = {st.get_text(1),          st.get_text(2),          st.get_text(3),
                st.get_optional_text(4), st.get_optional_text(5), st.get_text(6)};
    r.position = st.get_text(7);
    r.left_on = st.get_optional_text(8);
    std::string codes = st.get_optional_text(9).value_or("");
    std::size_t start = 0;
    while (start < codes.size()) {
        std::size_t comma = codes.find(',', start);
        if (comma == std::string::npos) {
            comma = codes.size();
        }
        r.subject_codes.push_back(codes.substr(start, comma - start));
        start = comma + 1;
    }
    return r;
}

}  // namespace

std::optional<StaffRow> find_staff_by_external_id(Database& db, std::int64_t school_id,
                                                  const std::string& external_id) {
    static const std::string sql =
        std::string(staff_columns) + "WHERE p.school_id = ? AND p.external_id = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_staff(*st);
}

std::vector<StaffRow> find_staff_by_name(Database& db, std::int64_t school_id,
                                         const std::string& match_key,
                                         const std::optional<std::string>& birth_date) {
    static const std::string sql =
        std::string(staff_columns) +
        "WHERE p.school_id = ? AND p.match_key = ? AND (?3 IS NULL OR p.birth_date IS NULL OR "
        "p.birth_date = ?3)";
    auto st = db.cached(sql);
    st->bind_all(school_id, match_key, birth_date);
    std::vector<StaffRow> out;
    while (st->step() == Step::row) {
        out.push_back(read_staff(*st));
    }
    return out;
}

std::int64_t insert_staff(Database& db, std::int64_t school_id, const PersonFields& person,
                          const std::string& position, const std::string& now) {
    std::int64_t id = insert_person(db, school_id, person, now);
    auto st = db.cached("INSERT INTO staff(person_id, position) VALUES (?, ?)");
    st->bind_all(id, position);
    st->run();
    return id;
}

void update_staff(Database& db, std::int64_t person_id, const std::string& position) {
    auto st = db.cached("UPDATE staff SET position = ?, left_on = NULL WHERE person_id = ?");
    st->bind_all(position, person_id);
    st->run();
}

void staff_left(Database& db, std::int64_t person_id, const std::string& left_on) {
    auto st = db.cached("UPDATE staff SET left_on = ? WHERE person_id = ?");
    st->bind_all(left_on, person_id);
    st->run();
}

void set_staff_subjects(Database& db, std::int64_t person_id,
                        const std::vector<std::int64_t>& subject_ids) {
    auto clear = db.cached("DELETE FROM staff_subjects WHERE staff_id = ?");
    clear->bind(1, person_id);
    clear->run();
    auto add = db.cached("INSERT OR IGNORE INTO staff_subjects(staff_id, subject_id) VALUES (?, ?)");
    for (std::int64_t subject : subject_ids) {
        add->bind_all(person_id, subject);
        add->run();
        add->reset();
    }
}

std::vector<std::int64_t> current_staff(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT s.person_id FROM staff s JOIN people p ON p.id = s.person_id "
        "WHERE p.school_id = ? AND s.left_on IS NULL ORDER BY s.person_id");
    st.bind(1, school_id);
    std::vector<std::int64_t> out;
    while (st.step() == Step::row) {
        out.push_back(st.get_int(0));
    }
    return out;
}

std::optional<std::int64_t> staff_of_person(Database& db, std::int64_t school_id,
                                            std::int64_t person_id) {
    Statement st = db.prepare(
        "SELECT s.person_id FROM staff s JOIN people p ON p.id = s.person_id "
        "WHERE s.person_id = ? AND p.school_id = ?");
    st.bind_all(person_id, school_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return st.get_int(0);
}

}  // namespace schoolctl::store
