#include "store/account_listing.h"

#include <sstream>

namespace schoolctl::store {
namespace {

std::vector<std::string> split(const std::string& joined) {
    std::vector<std::string> out;
    std::istringstream in(joined);
    for (std::string part; std::getline(in, part, ',');) {
        if (!part.empty()) {
            out.push_back(part);
        }
    }
    return out;
}

}  // namespace

std::vector<AccountListingRow> list_accounts(Database& db, std::int64_t school_id,
                                             std::optional<std::int64_t> class_id,
                                             const std::string& today) {
    // The classes an account belongs to: a pupil's open membership, a guardian's children's.
    Statement st = db.prepare(
        "WITH current AS ("
        "  SELECT m.pupil_id, m.class_id, c.grade || c.letter AS name FROM class_memberships m "
        "  JOIN classes c ON c.id = m.class_id WHERE m.to_date IS NULL OR m.to_date >= ?1), "
        "belongs AS ("
        "  SELECT a.id AS account_id, cur.class_id, cur.name FROM accounts a "
        "  JOIN pupils u ON u.person_id = a.person_id AND u.left_on IS NULL "
        "  JOIN current cur ON cur.pupil_id = a.person_id "
        "  UNION SELECT a.id, cur.class_id, cur.name FROM accounts a "
        "  JOIN guardian_links l ON l.guardian_id = a.person_id "
        "  JOIN pupils u ON u.person_id = l.pupil_id AND u.left_on IS NULL "
        "  JOIN current cur ON cur.pupil_id = l.pupil_id) "
        "SELECT a.id, a.login, a.status, a.locked_at, a.last_login_at, a.activation_expires_at, "
        "  p.last_name, p.first_name, p.middle_name, "
        "  (CASE WHEN pu.person_id IS NOT NULL THEN 'student,' ELSE '' END || "
        "   CASE WHEN g.person_id IS NOT NULL THEN 'guardian,' ELSE '' END || "
        "   CASE WHEN s.person_id IS NOT NULL THEN 'staff,' ELSE '' END), "
        "  (SELECT group_concat(name, ',') FROM (SELECT DISTINCT b.name FROM belongs b "
        "   WHERE b.account_id = a.id ORDER BY b.name)) "
        "FROM accounts a LEFT JOIN people p ON p.id = a.person_id "
        "LEFT JOIN pupils pu ON pu.person_id = a.person_id "
        "LEFT JOIN guardians g ON g.person_id = a.person_id "
        "LEFT JOIN staff s ON s.person_id = a.person_id "
        "WHERE (p.school_id = ?2 OR a.person_id IS NULL) "
        "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM belongs b WHERE b.account_id = a.id "
        "                           AND b.class_id = ?3)) "
        "ORDER BY a.login");
    st.bind_all(today, school_id, class_id);
    std::vector<AccountListingRow> out;
    while (st.step() == Step::row) {
        AccountListingRow row;
        row.id = st.get_int(0);
        row.login = st.get_text(1);
        row.status = st.get_text(2);
        row.locked_at = st.get_optional_text(3);
        row.last_login_at = st.get_optional_text(4);
        row.activation_expires_at = st.get_optional_text(5);
        if (!st.is_null(6)) {
            row.name = domain::PersonName{st.get_text(6), st.get_text(7), st.get_text(8)};
        }
        row.kinds = split(st.get_text(9));
        row.classes = split(st.get_optional_text(10).value_or(""));
        out.push_back(std::move(row));
    }
    return out;
}

}  // namespace schoolctl::store
