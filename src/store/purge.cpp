#include "store/purge.h"

namespace schoolctl::store {
namespace {

PurgeCandidate read_candidate(const Statement& st, PurgedKind kind) {
    PurgeCandidate c;
    c.kind = kind;
    c.id = st.get_int(0);
    c.name = {st.get_text(1), st.get_text(2), st.get_text(3)};
    c.external_id = st.get_optional_text(4);
    if (kind == PurgedKind::guardian) {
        c.email = st.get_text(5);
        c.phone = st.get_text(6);
    } else {
        c.left_on = st.get_optional_text(5);
    }
    return c;
}

void collect(Database& db, const std::string& sql, PurgedKind kind, std::int64_t school_id,
             const std::string& left_before, std::vector<PurgeCandidate>& out) {
    Statement st = db.prepare(sql);
    st.bind_all(school_id, left_before);
    while (st.step() == Step::row) {
        out.push_back(read_candidate(st, kind));
    }
}

std::vector<std::int64_t> ids_of(Database& db, std::string_view sql) {
    std::vector<std::int64_t> ids;
    Statement st = db.prepare(sql);
    while (st.step() == Step::row) {
        ids.push_back(st.get_int(0));
    }
    return ids;
}

// Runs one statement and returns how many rows it changed.
std::int64_t changed_by(Database& db, std::string_view sql) {
    db.exec(sql);
    return db.changes();
}

// The ids of the people being purged, for the statements below to join on.
const std::string pupils_in = "(SELECT id FROM temp.purge_people WHERE kind = 'pupil')";
const std::string staff_in = "(SELECT id FROM temp.purge_people WHERE kind = 'staff')";
const std::string guardians_in = "(SELECT id FROM temp.purge_people WHERE kind = 'guardian')";

}  // namespace

std::string_view to_string(PurgedKind kind) {
    switch (kind) {
        case PurgedKind::pupil: return "pupil";
        case PurgedKind::staff: return "staff";
        case PurgedKind::guardian: return "guardian";
    }
    return "";
}

std::vector<PurgeCandidate> purge_candidates(Database& db, std::int64_t school_id,
                                             const std::string& left_before) {
    std::vector<PurgeCandidate> out;
    collect(db,
            "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.external_id, pu.left_on "
            "FROM pupils pu JOIN people p ON p.id = pu.person_id "
            "WHERE p.school_id = ?1 AND pu.left_on < ?2 AND p.purged_on IS NULL "
            "ORDER BY p.last_name, p.first_name, p.middle_name, p.id",
            PurgedKind::pupil, school_id, left_before, out);
    collect(db,
            "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.external_id, s.left_on "
            "FROM staff s JOIN people p ON p.id = s.person_id "
            "WHERE p.school_id = ?1 AND s.left_on < ?2 AND p.purged_on IS NULL "
            "ORDER BY p.last_name, p.first_name, p.middle_name, p.id",
            PurgedKind::staff, school_id, left_before, out);
    // A guardian goes with their children: only when every child they are linked to left
    // before the date, and at least one of them is being purged now.
    collect(db,
            "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.external_id, g.email, "
            "g.phone FROM guardians g JOIN people p ON p.id = g.person_id "
            "WHERE p.school_id = ?1 AND p.purged_on IS NULL "
            "AND EXISTS (SELECT 1 FROM guardian_links l JOIN pupils pu ON pu.person_id = "
            "  l.pupil_id JOIN people c ON c.id = pu.person_id WHERE l.guardian_id = g.person_id "
            "  AND pu.left_on < ?2 AND c.purged_on IS NULL) "
            "AND NOT EXISTS (SELECT 1 FROM guardian_links l JOIN pupils pu ON pu.person_id = "
            "  l.pupil_id WHERE l.guardian_id = g.person_id "
            "  AND (pu.left_on IS NULL OR pu.left_on >= ?2)) "
            "ORDER BY p.last_name, p.first_name, p.middle_name, p.id",
            PurgedKind::guardian, school_id, left_before, out);
    return out;
}

PurgeOutcome purge_people(Database& db, const std::vector<PurgeCandidate>& candidates,
                          const std::string& placeholder_last,
                          const std::string& placeholder_actor, const std::string& today) {
    PurgeOutcome out;
    db.exec(
        "CREATE TEMP TABLE IF NOT EXISTS purge_people(id INTEGER PRIMARY KEY, kind TEXT NOT NULL);"
        "DELETE FROM temp.purge_people;"
        "CREATE TEMP TABLE IF NOT EXISTS purge_accounts(id INTEGER PRIMARY KEY);"
        "DELETE FROM temp.purge_accounts;");
    {
        Statement add = db.prepare("INSERT INTO temp.purge_people(id, kind) VALUES (?, ?)");
        for (const PurgeCandidate& c : candidates) {
            add.bind_all(c.id, to_string(c.kind));
            add.run();
            add.reset();
        }
    }
    {
        Statement st = db.prepare(
            "SELECT id, login FROM accounts WHERE person_id IN (SELECT id FROM temp.purge_people) "
            "ORDER BY id");
        while (st.step() == Step::row) {
            out.accounts.push_back({st.get_int(0), st.get_text(1)});
        }
    }
    db.exec(
        "INSERT INTO temp.purge_accounts(id) SELECT id FROM accounts "
        "WHERE person_id IN (SELECT id FROM temp.purge_people)");

    // What refers to the people: their accounts (tokens and grants go with them), grants to
    // see a purged child, consents, health records, diary receipts, remarks, guardian links.
    db.exec("DELETE FROM role_grants WHERE pupil_id IN " + pupils_in);
    db.exec("DELETE FROM accounts WHERE id IN (SELECT id FROM temp.purge_accounts)");
    out.consents = ids_of(db, "SELECT id FROM consents WHERE pupil_id IN " + pupils_in +
                                  " OR guardian_id IN " + guardians_in + " ORDER BY id");
    db.exec("DELETE FROM consents WHERE pupil_id IN " + pupils_in + " OR guardian_id IN " +
            guardians_in);
    out.health_records = changed_by(db, "DELETE FROM health_records WHERE pupil_id IN " +
                                            pupils_in);
    db.exec("DELETE FROM seen_receipts WHERE pupil_id IN " + pupils_in +
            " OR guardian_id IN " + guardians_in);
    out.remarks = ids_of(db, "SELECT id FROM remarks WHERE pupil_id IN " + pupils_in +
                                 " ORDER BY id");
    db.exec("DELETE FROM remarks WHERE pupil_id IN " + pupils_in);
    out.guardian_links = changed_by(db, "DELETE FROM guardian_links WHERE pupil_id IN " +
                                            pupils_in + " OR guardian_id IN " + guardians_in);

    // Free text written about a pupil: the marks and absences themselves stay.
    for (auto [table, column] : {std::pair{"marks", "comment"}, {"attendance", "note"},
                                 {"mark_changes", "reason"}, {"attendance_changes", "reason"},
                                 {"final_marks", "override_reason"}}) {
        out.texts_cleared += changed_by(
            db, std::string("UPDATE ") + table + " SET " + column + " = '' WHERE " + column +
                    " <> '' AND pupil_id IN " + pupils_in);
    }

    db.exec("DELETE FROM people WHERE id IN " + guardians_in);
    {
        Statement rename = db.prepare(
            "UPDATE people SET last_name = ?1, first_name = '№ ' || id, middle_name = '', "
            "birth_date = NULL, external_id = NULL, match_key = '', updated_at = ?2 || "
            "'T00:00:00Z', purged_on = ?2 "
            "WHERE id IN (SELECT id FROM temp.purge_people WHERE kind IN ('pupil', 'staff'))");
        rename.bind_all(placeholder_last, today);
        rename.run();
    }
    db.exec("UPDATE pupils SET left_reason = NULL, family_key = NULL WHERE person_id IN " +
            pupils_in);
    db.exec("UPDATE staff SET position = '' WHERE person_id IN " + staff_in);
    {
        Statement actor = db.prepare(
            "UPDATE imports SET actor = ? WHERE account_id IN (SELECT id FROM "
            "temp.purge_accounts)");
        actor.bind_all(placeholder_actor);
        actor.run();
    }
    db.exec("DELETE FROM temp.purge_people; DELETE FROM temp.purge_accounts;");
    return out;
}

void erase_deleted_content(Database& db) { db.exec("PRAGMA secure_delete = ON"); }

void compact_and_truncate_wal(Database& db) {
    db.exec("VACUUM");
    db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
}

}  // namespace schoolctl::store
