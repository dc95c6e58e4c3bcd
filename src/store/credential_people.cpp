#include "store/credential_people.h"

#include <unordered_map>

namespace schoolctl::store {
namespace {

// The current class of a pupil: the open membership, preferring one that has started.
constexpr const char* current_class_sql =
    "(SELECT k.grade || k.letter FROM class_memberships m JOIN classes k ON k.id = m.class_id "
    " WHERE m.pupil_id = %PUPIL% AND (m.to_date IS NULL OR m.to_date >= ?1) "
    " ORDER BY m.from_date <= ?1 DESC, m.from_date DESC LIMIT 1)";

std::string current_class_of(const std::string& pupil_column) {
    std::string sql = current_class_sql;
    sql.replace(sql.find("%PUPIL%"), 7, pupil_column);
    return sql;
}

// Pupils in scope: all current pupils of the school, or those whose current membership is in
// the class. Parameters: ?1 today, ?2 school, ?3 class or NULL.
std::string pupils_in_scope_sql() {
    return "SELECT u.person_id FROM pupils u JOIN people p ON p.id = u.person_id "
           "WHERE p.school_id = ?2 AND u.left_on IS NULL AND (?3 IS NULL OR EXISTS ("
           "  SELECT 1 FROM class_memberships m WHERE m.pupil_id = u.person_id "
           "  AND m.class_id = ?3 AND (m.to_date IS NULL OR m.to_date >= ?1)))";
}

void attach_accounts(Database& db, std::int64_t school_id, std::vector<CredentialPerson>& people) {
    std::unordered_map<std::int64_t, CredentialPerson*> by_id;
    for (auto& p : people) {
        by_id[p.person_id] = &p;
    }
    Statement st = db.prepare(
        "SELECT a.id, a.person_id FROM accounts a JOIN people p ON p.id = a.person_id "
        "WHERE p.school_id = ?");
    st.bind(1, school_id);
    while (st.step() == Step::row) {
        auto it = by_id.find(st.get_int(1));
        if (it != by_id.end()) {
            it->second->account = find_account(db, st.get_int(0));
        }
    }
}

domain::PersonName name_at(const Statement& st, int first_column) {
    return {st.get_text(first_column), st.get_text(first_column + 1),
            st.get_text(first_column + 2)};
}

}  // namespace

std::vector<CredentialPerson> pupils_for_credentials(Database& db, std::int64_t school_id,
                                                     std::optional<std::int64_t> class_id,
                                                     const std::string& today) {
    Statement st = db.prepare(
        "SELECT p.id, p.last_name, p.first_name, p.middle_name, coalesce(" +
        current_class_of("p.id") + ", '') FROM people p WHERE p.id IN (" +
        pupils_in_scope_sql() + ") ORDER BY p.id");
    st.bind_all(today, school_id, class_id);
    std::vector<CredentialPerson> out;
    std::unordered_map<std::int64_t, std::size_t> index;
    while (st.step() == Step::row) {
        CredentialPerson p;
        p.person_id = st.get_int(0);
        p.name = name_at(st, 1);
        p.class_name = st.get_text(4);
        index[p.person_id] = out.size();
        out.push_back(std::move(p));
    }
    Statement links = db.prepare(
        "SELECT l.pupil_id, l.guardian_id FROM guardian_links l JOIN people p "
        "ON p.id = l.pupil_id WHERE p.school_id = ? ORDER BY l.pupil_id, l.guardian_id");
    links.bind(1, school_id);
    while (links.step() == Step::row) {
        auto it = index.find(links.get_int(0));
        if (it != index.end()) {
            out[it->second].guardians.push_back(links.get_int(1));
        }
    }
    attach_accounts(db, school_id, out);
    return out;
}

std::vector<CredentialPerson> guardians_for_credentials(Database& db, std::int64_t school_id,
                                                        std::optional<std::int64_t> class_id,
                                                        const std::string& today) {
    Statement st = db.prepare(
        "SELECT g.person_id, gp.last_name, gp.first_name, gp.middle_name, g.email, "
        "c.id, c.last_name, c.first_name, c.middle_name, coalesce(" +
        current_class_of("c.id") +
        ", '') FROM guardians g JOIN people gp ON gp.id = g.person_id "
        "JOIN guardian_links l ON l.guardian_id = g.person_id "
        "JOIN people c ON c.id = l.pupil_id JOIN pupils u ON u.person_id = l.pupil_id "
        "WHERE gp.school_id = ?2 AND u.left_on IS NULL AND g.person_id IN ("
        "  SELECT l2.guardian_id FROM guardian_links l2 WHERE l2.pupil_id IN (" +
        pupils_in_scope_sql() + ")) ORDER BY g.person_id, c.id");
    st.bind_all(today, school_id, class_id);
    std::vector<CredentialPerson> out;
    while (st.step() == Step::row) {
        std::int64_t id = st.get_int(0);
        if (out.empty() || out.back().person_id != id) {
            CredentialPerson p;
            p.person_id = id;
            p.name = name_at(st, 1);
            p.email = st.get_text(4);
            out.push_back(std::move(p));
        }
        out.back().children.push_back({st.get_int(5), name_at(st, 6), st.get_text(9)});
    }
    attach_accounts(db, school_id, out);
    return out;
}

std::vector<CredentialPerson> staff_for_credentials(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT p.id, p.last_name, p.first_name, p.middle_name, s.position FROM staff s "
        "JOIN people p ON p.id = s.person_id WHERE p.school_id = ? AND s.left_on IS NULL "
        "ORDER BY p.id");
    st.bind(1, school_id);
    std::vector<CredentialPerson> out;
    while (st.step() == Step::row) {
        CredentialPerson p;
        p.person_id = st.get_int(0);
        p.name = name_at(st, 1);
        p.position = st.get_text(4);
        out.push_back(std::move(p));
    }
    attach_accounts(db, school_id, out);
    return out;
}

}  // namespace schoolctl::store
