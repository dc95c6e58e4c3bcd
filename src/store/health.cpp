#include "store/health.h"

#include "store/consents.h"

namespace schoolctl::store {

std::optional<HealthRecord> find_health(Database& db, std::int64_t pupil_id) {
    Statement st = db.prepare(
        "SELECT pupil_id, health_group, pe_group, note, updated_at FROM health_records "
        "WHERE pupil_id = ?");
    st.bind_all(pupil_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return HealthRecord{st.get_int(0), st.get_optional_text(1), st.get_optional_text(2),
                        st.get_text(3), st.get_text(4)};
}

void save_health(Database& db, const HealthRecord& r) {
    Statement st = db.prepare(
        "INSERT INTO health_records(pupil_id, health_group, pe_group, note, updated_at) "
        "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(pupil_id) DO UPDATE SET "
        "health_group = ?2, pe_group = ?3, note = ?4, updated_at = ?5");
    st.bind_all(r.pupil_id, r.health_group, r.pe_group, r.note, r.updated_at);
    st.run();
}

bool delete_health(Database& db, std::int64_t pupil_id) {
    Statement st = db.prepare("DELETE FROM health_records WHERE pupil_id = ?");
    st.bind_all(pupil_id);
    st.run();
    return db.changes() > 0;
}

std::vector<HealthListing> list_health(Database& db, std::int64_t school_id,
                                       std::optional<std::int64_t> class_id,
                                       const std::string& on) {
    Statement st = db.prepare(
        "SELECT h.pupil_id, h.health_group, h.pe_group, h.note, h.updated_at, p.last_name, "
        "p.first_name, p.middle_name, coalesce(p.external_id, ''), "
        "coalesce((SELECT c.grade || c.letter FROM class_memberships m JOIN classes c ON c.id = "
        "  m.class_id WHERE m.pupil_id = h.pupil_id AND m.from_date <= ?2 AND (m.to_date IS NULL "
        "  OR m.to_date >= ?2) ORDER BY m.from_date DESC LIMIT 1), '') AS class_name, " +
        consent_holds_sql("h.pupil_id", "'health'", "?2") +
        " FROM health_records h JOIN people p ON p.id = h.pupil_id "
        "WHERE p.school_id = ?1 AND (?3 IS NULL OR EXISTS (SELECT 1 FROM class_memberships m "
        "  WHERE m.pupil_id = h.pupil_id AND m.class_id = ?3 AND m.from_date <= ?2 "
        "  AND (m.to_date IS NULL OR m.to_date >= ?2))) "
        "ORDER BY length(class_name), class_name, p.last_name, p.first_name, p.middle_name, "
        "p.id");
    st.bind_all(school_id, on, class_id);
    std::vector<HealthListing> out;
    while (st.step() == Step::row) {
        HealthListing l;
        l.record = {st.get_int(0), st.get_optional_text(1), st.get_optional_text(2),
                    st.get_text(3), st.get_text(4)};
        l.pupil = {st.get_text(5), st.get_text(6), st.get_text(7)};
        l.external_id = st.get_text(8);
        l.class_name = st.get_text(9);
        l.consent_holds = st.get_int(10) != 0;
        out.push_back(std::move(l));
    }
    return out;
}

}  // namespace schoolctl::store
