#include "store/receipts.h"

namespace schoolctl::store {
namespace {

// The pupils in class ?1 on day ?2.
constexpr const char* class_pupils_cte =
    "WITH class_pupils AS (SELECT pupil_id FROM class_memberships WHERE class_id = ?1 "
    "AND from_date <= ?2 AND (to_date IS NULL OR to_date >= ?2)) ";

// No receipt for the item from anyone who is the pupil's guardian now.
std::string unseen_sql(const std::string& kind, const std::string& item, const std::string& pupil) {
    return "NOT EXISTS (SELECT 1 FROM seen_receipts sr JOIN guardian_links gl "
           "ON gl.guardian_id = sr.guardian_id AND gl.pupil_id = sr.pupil_id "
           "WHERE sr.kind = '" + kind + "' AND sr.item_id = " + item + " AND sr.pupil_id = " +
           pupil + ")";
}

}  // namespace

int record_seen(Database& db, std::int64_t pupil_id, std::int64_t guardian_id,
                const std::vector<SeenItem>& items, const std::string& now) {
    auto st = db.cached(
        "INSERT INTO seen_receipts(kind, item_id, pupil_id, guardian_id, seen_at) "
        "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING");
    int added = 0;
    for (const auto& item : items) {
        st->bind_all(item.kind, item.item_id, pupil_id, guardian_id, now);
        st->run();
        added += db.changes();
        st->reset();
    }
    return added;
}

std::optional<std::string> seen_at(Database& db, const SeenItem& item, std::int64_t pupil_id,
                                   std::int64_t guardian_id) {
    auto st = db.cached(
        "SELECT seen_at FROM seen_receipts WHERE kind = ? AND item_id = ? AND pupil_id = ? AND "
        "guardian_id = ?");
    st->bind_all(item.kind, item.item_id, pupil_id, guardian_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return st->get_text(0);
}

std::vector<ClassPupil> class_pupils_on(Database& db, std::int64_t class_id,
                                        const std::string& on) {
    Statement st = db.prepare(std::string(class_pupils_cte) +
                              "SELECT p.id, p.last_name, p.first_name, p.middle_name "
                              "FROM class_pupils c JOIN people p ON p.id = c.pupil_id "
                              "ORDER BY p.id");
    st.bind_all(class_id, on);
    std::vector<ClassPupil> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), {st.get_text(1), st.get_text(2), st.get_text(3)}});
    }
    return out;
}

std::vector<PupilGuardian> class_guardians_on(Database& db, std::int64_t class_id,
                                              const std::string& on) {
    Statement st = db.prepare(std::string(class_pupils_cte) +
                              "SELECT gl.pupil_id, gl.guardian_id, p.last_name, p.first_name, "
                              "p.middle_name FROM class_pupils c "
                              "JOIN guardian_links gl ON gl.pupil_id = c.pupil_id "
                              "JOIN people p ON p.id = gl.guardian_id "
                              "ORDER BY gl.pupil_id, gl.guardian_id");
    st.bind_all(class_id, on);
    std::vector<PupilGuardian> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0),
                       st.get_int(1),
                       {st.get_text(2), st.get_text(3), st.get_text(4)}});
    }
    return out;
}

std::vector<UnseenItem> unseen_items(Database& db, std::int64_t class_id, const std::string& on,
                                     const std::string& from, const std::string& to) {
    // A pupil's marks are given in the lessons of the classes and groups they were in, so only
    // the lessons of those rules are read, not the whole school's.
    Statement st = db.prepare(
        std::string(class_pupils_cte) +
        ", their_rules AS (SELECT id FROM timetable_rules WHERE class_id IN "
        "(SELECT class_id FROM class_memberships WHERE pupil_id IN (SELECT pupil_id FROM "
        "class_pupils)) OR group_id IN (SELECT group_id FROM group_memberships WHERE pupil_id IN "
        "(SELECT pupil_id FROM class_pupils))) "
        "SELECT 'mark', m.id, m.pupil_id, l.date, s.name, m.value, m.work_type, l.lesson_no "
        "FROM lessons l JOIN timetable_rules r ON r.id = l.rule_id "
        "JOIN subjects s ON s.id = r.subject_id JOIN marks m ON m.lesson_id = l.id "
        "WHERE l.rule_id IN (SELECT id FROM their_rules) AND l.date BETWEEN ?3 AND ?4 "
        "AND m.pupil_id IN (SELECT pupil_id FROM class_pupils) AND " +
        unseen_sql("mark", "m.id", "m.pupil_id") +
        " UNION ALL "
        "SELECT 'remark', x.id, x.pupil_id, x.date, coalesce(s.name, ''), x.text, '', "
        "coalesce(l.lesson_no, 0) FROM remarks x LEFT JOIN lessons l ON l.id = x.lesson_id "
        "LEFT JOIN timetable_rules r ON r.id = l.rule_id "
        "LEFT JOIN subjects s ON s.id = r.subject_id "
        "WHERE x.pupil_id IN (SELECT pupil_id FROM class_pupils) AND x.date BETWEEN ?3 AND ?4 "
        "AND " + unseen_sql("remark", "x.id", "x.pupil_id") +
        " ORDER BY 3, 4, 8, 1, 2");
    st.bind_all(class_id, on, from, to);
    std::vector<UnseenItem> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_text(0), st.get_int(1), st.get_int(2), st.get_text(3),
                       st.get_text(4), st.get_text(5), st.get_text(6)});
    }
    return out;
}

}  // namespace schoolctl::store
