#include "store/guardians.h"

namespace schoolctl::store {
namespace {

constexpr const char* guardian_columns =
    "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id, "
    "p.match_key, g.phone, g.email FROM guardians g JOIN people p ON p.id = g.person_id ";

GuardianRow read_guardian(Statement& st) {
    GuardianRow r;
    r.person_id = st.get_int(0);
    r.person = {st.get_text(1),          st.get_text(2),          st.get_text(3),
                st.get_optional_text(4), st.get_optional_text(5), st.get_text(6)};
    r.phone = st.get_text(7);
    r.email = st.get_text(8);
    return r;
}

std::vector<GuardianRow> read_all(Statement& st) {
    std::vector<GuardianRow> out;
    while (st.step() == Step::row) {
        out.push_back(read_guardian(st));
    }
    return out;
}

}  // namespace

std::optional<GuardianRow> find_guardian_by_external_id(Database& db, std::int64_t school_id,
                                                        const std::string& external_id) {
    static const std::string sql =
        std::string(guardian_columns) + "WHERE p.school_id = ? AND p.external_id = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_guardian(*st);
}

std::vector<GuardianRow> find_guardians_by_name(Database& db, std::int64_t school_id,
                                                const std::string& match_key) {
    static const std::string sql =
        std::string(guardian_columns) + "WHERE p.school_id = ? AND p.match_key = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, match_key);
    return read_all(*st);
}

void for_each_guardian_name_key(
    Database& db, std::int64_t school_id,
    const std::function<void(std::string_view, bool)>& visit) {
    Statement st = db.prepare(
        "SELECT p.match_key, p.external_id IS NOT NULL FROM guardians g "
        "JOIN people p ON p.id = g.person_id WHERE p.school_id = ?");
    st.bind(1, school_id);
    while (st.step() == Step::row) {
        visit(st.get_text(0), st.get_int(1) != 0);
    }
}

std::vector<GuardianRow> find_guardians_by_contact(Database& db, std::int64_t school_id,
                                                   const std::string& phone,
                                                   const std::string& email) {
    // The contact indexes are partial (no empty contacts), so the query repeats their condition
    // for the planner to use them; the unary plus keeps it from walking all the school's people
    // by people_match instead, once per row of a guardians file. The order is the one that walk
    // gave: warnings come out as they always did.
    static const std::string sql =
        std::string(guardian_columns) +
        "WHERE +p.school_id = ?1 "
        "AND ((g.phone = ?2 AND g.phone <> '') OR (g.email = ?3 AND g.email <> '')) "
        "ORDER BY p.match_key, p.id";
    auto st = db.cached(sql);
    st->bind_all(school_id, phone, email);
    return read_all(*st);
}

std::int64_t insert_guardian(Database& db, std::int64_t school_id, const PersonFields& person,
                             const std::string& phone, const std::string& email,
                             const std::string& now) {
    std::int64_t id = insert_person(db, school_id, person, now);
    auto st = db.cached("INSERT INTO guardians(person_id, phone, email) VALUES (?, ?, ?)");
    st->bind_all(id, phone, email);
    st->run();
    return id;
}

void update_guardian_contact(Database& db, std::int64_t person_id, const std::string& phone,
                             const std::string& email) {
    auto st = db.cached("UPDATE guardians SET phone = ?, email = ? WHERE person_id = ?");
    st->bind_all(phone, email, person_id);
    st->run();
}

std::vector<std::int64_t> children_of(Database& db, std::int64_t guardian_id) {
    auto st = db.cached(
        "SELECT pupil_id FROM guardian_links WHERE guardian_id = ? ORDER BY pupil_id");
    st->bind(1, guardian_id);
    std::vector<std::int64_t> out;
    while (st->step() == Step::row) {
        out.push_back(st->get_int(0));
    }
    return out;
}

void link_guardian(Database& db, std::int64_t guardian_id, std::int64_t pupil_id,
                   const std::string& relation) {
    auto st = db.cached(
        "INSERT INTO guardian_links(guardian_id, pupil_id, relation) VALUES (?1, ?2, ?3) "
        "ON CONFLICT (guardian_id, pupil_id) DO UPDATE SET relation = ?3 WHERE ?3 <> ''");
    st->bind_all(guardian_id, pupil_id, relation);
    st->run();
}

bool is_guardian(Database& db, std::int64_t school_id, std::int64_t person_id) {
    Statement st = db.prepare(
        "SELECT 1 FROM guardians g JOIN people p ON p.id = g.person_id "
        "WHERE g.person_id = ? AND p.school_id = ?");
    st.bind_all(person_id, school_id);
    return st.step() == Step::row;
}

std::optional<std::string> link_relation(Database& db, std::int64_t guardian_id,
                                         std::int64_t pupil_id) {
    Statement st = db.prepare(
        "SELECT relation FROM guardian_links WHERE guardian_id = ? AND pupil_id = ?");
    st.bind_all(guardian_id, pupil_id);
    return st.step() == Step::row ? std::optional(st.get_text(0)) : std::nullopt;
}

int unlink_guardian(Database& db, std::int64_t guardian_id, std::int64_t pupil_id) {
    Statement st = db.prepare("DELETE FROM guardian_links WHERE guardian_id = ? AND pupil_id = ?");
    st.bind_all(guardian_id, pupil_id);
    st.run();
    return db.changes();
}

std::optional<std::int64_t> find_pupil_id(Database& db, std::int64_t school_id,
                                          const std::string& external_id) {
    auto st = db.cached(
        "SELECT u.person_id FROM pupils u JOIN people p ON p.id = u.person_id "
        "WHERE p.school_id = ? AND p.external_id = ?");
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return st->get_int(0);
}

std::vector<std::int64_t> pupils_of_family(Database& db, std::int64_t school_id,
                                           const std::string& family_key) {
    auto st = db.cached(
        "SELECT u.person_id FROM pupils u JOIN people p ON p.id = u.person_id "
        "WHERE p.school_id = ? AND u.family_key = ? ORDER BY u.person_id");
    st->bind_all(school_id, family_key);
    std::vector<std::int64_t> out;
    while (st->step() == Step::row) {
        out.push_back(st->get_int(0));
    }
    return out;
}

}  // namespace schoolctl::store
