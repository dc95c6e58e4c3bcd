#include "store/consents.h"

namespace schoolctl::store {
namespace {

// A consent with its guardian's and child's names; `?1` is the school.
constexpr const char* consent_select =
    "SELECT c.id, c.guardian_id, c.pupil_id, c.kind, c.scope, c.given_on, c.revoked_on, "
    "c.revoke_reason, c.recorded_at, g.last_name, g.first_name, g.middle_name, "
    "coalesce(g.external_id, ''), p.last_name, p.first_name, p.middle_name, "
    "coalesce(p.external_id, '') "
    "FROM consents c JOIN people g ON g.id = c.guardian_id "
    "LEFT JOIN people p ON p.id = c.pupil_id WHERE g.school_id = ?1 ";

ConsentRow read_consent(Statement& st) {
    ConsentRow r;
    r.id = st.get_int(0);
    r.guardian_id = st.get_int(1);
    r.pupil_id = st.get_optional_int(2);
    r.kind = st.get_text(3);
    r.scope = st.get_text(4);
    r.given_on = st.get_text(5);
    if (!st.is_null(6)) {
        r.revoked_on = st.get_text(6);
    }
    r.revoke_reason = st.get_text(7);
    r.recorded_at = st.get_text(8);
    r.guardian = {st.get_text(9), st.get_text(10), st.get_text(11)};
    r.guardian_external_id = st.get_text(12);
    if (r.pupil_id) {
        r.pupil = domain::PersonName{st.get_text(13), st.get_text(14), st.get_text(15)};
        r.pupil_external_id = st.get_text(16);
    }
    return r;
}

}  // namespace

std::int64_t insert_consent(Database& db, const ConsentRow& r) {
    Statement st = db.prepare(
        "INSERT INTO consents(guardian_id, pupil_id, kind, scope, given_on, recorded_at) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st.bind_all(r.guardian_id, r.pupil_id, r.kind, r.scope, r.given_on, r.recorded_at);
    st.run();
    return db.last_insert_id();
}

std::optional<ConsentRow> find_consent(Database& db, std::int64_t school_id, std::int64_t id) {
    Statement st = db.prepare(std::string(consent_select) + "AND c.id = ?2");
    st.bind_all(school_id, id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return read_consent(st);
}

void revoke_consent(Database& db, std::int64_t id, const std::string& on,
                    const std::string& reason) {
    Statement st =
        db.prepare("UPDATE consents SET revoked_on = ?, revoke_reason = ? WHERE id = ?");
    st.bind_all(on, reason, id);
    st.run();
}

std::vector<ConsentRow> list_consents(Database& db, std::int64_t school_id,
                                      const ConsentFilter& f) {
    std::string sql = consent_select;
    // The pupils whose consents are wanted, and their guardians' consents for every child.
    const char* covers =
        "AND (c.pupil_id IN (SELECT value FROM wanted) OR (c.pupil_id IS NULL AND "
        "c.guardian_id IN (SELECT l.guardian_id FROM guardian_links l "
        "WHERE l.pupil_id IN (SELECT value FROM wanted)))) ";
    std::string wanted;
    if (f.pupil_id) {
        wanted = "WITH wanted(value) AS (SELECT ?3) ";
    } else if (f.class_id) {
        wanted = "WITH wanted(value) AS (SELECT m.pupil_id FROM class_memberships m "
                 "WHERE m.class_id = ?4 AND m.from_date <= ?5 "
                 "AND (m.to_date IS NULL OR m.to_date >= ?5)) ";
    }
    if (!wanted.empty()) {
        sql = wanted + sql + covers;
    }
    if (f.guardian_id) {
        sql += "AND c.guardian_id = ?2 ";
    }
    if (f.kind) {
        sql += "AND c.kind = ?6 ";
    }
    sql += "ORDER BY g.last_name, g.first_name, g.middle_name, c.guardian_id, c.kind, "
           "c.given_on, c.id";
    Statement st = db.prepare(sql);
    st.bind(1, school_id);
    if (f.guardian_id) {
        st.bind(2, *f.guardian_id);
    }
    if (f.pupil_id) {
        st.bind(3, *f.pupil_id);
    } else if (f.class_id) {
        st.bind(4, *f.class_id);
        st.bind(5, f.on);
    }
    if (f.kind) {
        st.bind(6, *f.kind);
    }
    std::vector<ConsentRow> out;
    while (st.step() == Step::row) {
        out.push_back(read_consent(st));
    }
    return out;
}

std::string consent_holds_sql(std::string_view pupil, std::string_view kind,
                              std::string_view on) {
    std::string sql = "EXISTS (SELECT 1 FROM consents k WHERE k.kind = ";
    sql += kind;
    sql += " AND k.given_on <= ";
    sql += on;
    sql += " AND (k.revoked_on IS NULL OR k.revoked_on > ";
    sql += on;
    sql += ") AND (k.pupil_id = ";
    sql += pupil;
    sql += " OR (k.pupil_id IS NULL AND k.guardian_id IN (SELECT guardian_id FROM "
           "guardian_links WHERE pupil_id = ";
    sql += pupil;
    sql += "))))";
    return sql;
}

bool has_consent(Database& db, std::int64_t pupil_id, const std::string& kind,
                 const std::string& on) {
    Statement st = db.prepare("SELECT " + consent_holds_sql("?1", "?2", "?3"));
    st.bind_all(pupil_id, kind, on);
    return st.step() == Step::row && st.get_int(0) != 0;
}

}  // namespace schoolctl::store
