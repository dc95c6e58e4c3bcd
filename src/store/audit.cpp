#include "store/audit.h"

#include <algorithm>

#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::store {
namespace {

// The first row chains to this value, so an emptied-then-refilled log does not verify.
const std::string genesis(64, '0');

// Unit separators keep field boundaries unambiguous ("ab"+"c" vs "a"+"bc").
constexpr char sep = '\x1f';

std::string account_text(const std::optional<std::int64_t>& account_id) {
    return account_id ? std::to_string(*account_id) : "";
}

std::string content_hash(const std::string& salt, const AuditRecord& r) {
    std::string data = salt;
    data += sep;
    data += r.actor;
    data += sep;
    data += r.details;
    return crypto::sha256_hex(data);
}

std::string row_hash(const std::string& prev, const std::string& at, const AuditRecord& r,
                     const std::string& content) {
    std::string data = prev;
    for (const std::string* part : {&at, &r.action, &r.object_type, &r.object_id}) {
        data += sep;
        data += *part;
    }
    data += sep;
    data += account_text(r.account_id);
    data += sep;
    data += content;
    return crypto::sha256_hex(data);
}

// Schemas 1-8 hashed every field as it stood, the actor and details included.
std::string row_hash_before_schema_9(const std::string& prev, const std::string& at,
                                     const AuditRecord& r) {
    std::string data = prev;
    for (const std::string* part : {&at, &r.actor, &r.action, &r.object_type, &r.object_id,
                                    &r.details}) {
        data += sep;
        data += *part;
    }
    data += sep;
    data += account_text(r.account_id);
    return crypto::sha256_hex(data);
}

bool rule_before_schema_9(Database& db) {
    auto st = db.cached("PRAGMA user_version");
    return st->step() == Step::row && st->get_int(0) < 9;
}

struct StoredRow {
    AuditEntry entry;
    std::optional<std::string> salt;
    std::string content_hash;
};

constexpr const char* entry_columns =
    "SELECT id, at, account_id, actor, action, object_type, object_id, details, prev_hash, hash, "
    "salt, content_hash FROM audit_log ";

StoredRow read_row(const Statement& st) {
    StoredRow row;
    AuditEntry& e = row.entry;
    e.id = st.get_int(0);
    e.at = st.get_text(1);
    e.record.account_id = st.get_optional_int(2);
    e.record.actor = st.get_text(3);
    e.record.action = st.get_text(4);
    e.record.object_type = st.get_text(5);
    e.record.object_id = st.get_text(6);
    e.record.details = st.get_text(7);
    e.prev_hash = st.get_text(8);
    e.hash = st.get_text(9);
    row.salt = st.get_optional_text(10);
    row.content_hash = st.get_text(11);
    e.redacted = !row.salt.has_value();
    return row;
}

// The first redacted row that no unredacted data.purge row after it lists: a row redacted by
// hand rather than by a purge.
std::optional<std::int64_t> first_unlisted_redaction(Database& db) {
    Statement st = db.prepare(
        "SELECT r.id FROM audit_log r WHERE r.salt IS NULL AND NOT EXISTS ("
        "  SELECT 1 FROM audit_log p, json_each(p.details, '$.redacted') j"
        "  WHERE p.action = ?1 AND p.salt IS NOT NULL AND p.id > r.id AND json_valid(p.details)"
        "    AND j.value = r.id) "
        "ORDER BY r.id LIMIT 1");
    st.bind_all(purge_action);
    if (st.step() == Step::row) {
        return st.get_int(0);
    }
    return std::nullopt;
}

}  // namespace

void append_audit(Database& db, const AuditRecord& record, const std::string& at) {
    std::string prev = genesis;
    {
        auto last = db.cached("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last->step() == Step::row) {
            prev = last->get_text(0);
        }
    }
    if (rule_before_schema_9(db)) {
        // A database not yet migrated (login and backup work on one): its log keeps its rule
        // until `db migrate` re-chains it.
        auto st = db.cached(
            "INSERT INTO audit_log(at, account_id, actor, action, object_type, object_id, "
            "details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        st->bind_all(at, record.account_id, record.actor, record.action, record.object_type,
                     record.object_id, record.details, prev,
                     row_hash_before_schema_9(prev, at, record));
        st->run();
        return;
    }
    std::string salt = crypto::random_salt();
    std::string content = content_hash(salt, record);
    std::string hash = row_hash(prev, at, record, content);
    auto st = db.cached(
        "INSERT INTO audit_log(at, account_id, actor, action, object_type, object_id, details, "
        "prev_hash, hash, salt, content_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(at, record.account_id, record.actor, record.action, record.object_type,
                 record.object_id, record.details, prev, hash, salt, content);
    st->run();
}

std::vector<AuditEntry> list_audit(Database& db, const AuditFilter& f) {
    // The newest rows when limited, still printed oldest first.
    std::string sql = std::string(entry_columns) +
                      "WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR object_type = ?2) "
                      "AND (?3 IS NULL OR object_id = ?3) "
                      "AND (?4 IS NULL OR substr(action, 1, length(?4)) = ?4) "
                      "ORDER BY id DESC LIMIT ?5";
    Statement st = db.prepare(sql);
    st.bind_all(f.since, f.object_type, f.object_id, f.action_prefix,
                f.limit > 0 ? static_cast<std::int64_t>(f.limit) : std::int64_t{-1});
    std::vector<AuditEntry> out;
    while (st.step() == Step::row) {
        out.push_back(read_row(st).entry);
    }
    std::reverse(out.begin(), out.end());
    return out;
}

void for_each_audit_entry(Database& db, const std::function<void(const AuditEntry&)>& visit) {
    Statement st = db.prepare(std::string(entry_columns) + "ORDER BY id");
    while (st.step() == Step::row) {
        visit(read_row(st).entry);
    }
}

ChainCheck verify_audit_chain(Database& db) {
    ChainCheck check;
    std::string prev = genesis;
    Statement st = db.prepare(std::string(entry_columns) + "ORDER BY id");
    while (st.step() == Step::row) {
        StoredRow row = read_row(st);
        const AuditEntry& e = row.entry;
        ++check.rows;
        if (e.prev_hash != prev) {
            check.broken_at = e.id;
            check.reason = "its previous-hash does not match the row before it (a row was removed "
                           "or inserted)";
            return check;
        }
        // A redacted row's actor and details are gone; what they hashed to still chains.
        bool content_ok = !row.salt || content_hash(*row.salt, e.record) == row.content_hash;
        if (!content_ok || row_hash(prev, e.at, e.record, row.content_hash) != e.hash) {
            check.broken_at = e.id;
            check.reason = "its contents do not match its hash (the row was altered)";
            return check;
        }
        check.redacted += e.redacted ? 1 : 0;
        prev = e.hash;
        check.last_id = e.id;
        check.last_hash = e.hash;
    }
    if (check.redacted > 0) {
        if (auto unlisted = first_unlisted_redaction(db)) {
            check.broken_at = *unlisted;
            check.reason = "it was redacted, but no purge recorded after it lists it";
        }
    }
    return check;
}

void redact_audit_entry(Database& db, std::int64_t id, const std::string& actor,
                        const std::string& details) {
    auto st = db.cached(
        "UPDATE audit_log SET actor = ?, details = ?, salt = NULL WHERE id = ? AND salt IS NOT NULL");
    st->bind_all(actor, details, id);
    st->run();
}

void rechain_audit_log(Database& db, const std::string& at) {
    // Read and check every row under the old rule before anything is written.
    std::vector<AuditEntry> rows;
    {
        std::string prev = genesis;
        Statement st = db.prepare(std::string(entry_columns) + "ORDER BY id");
        while (st.step() == Step::row) {
            AuditEntry e = read_row(st).entry;
            if (e.prev_hash != prev || row_hash_before_schema_9(prev, e.at, e.record) != e.hash) {
                throw Error(ExitCode::data,
                            "the audit log's hash chain is broken at row " + std::to_string(e.id) +
                                ", so it cannot be re-chained for schema 9 (that would hide the "
                                "change); the database was not migrated. Run `schoolctl audit "
                                "verify`, and restore a backup made before the change");
            }
            prev = e.hash;
            rows.push_back(std::move(e));
        }
    }
    if (rows.empty()) {
        return;
    }
    // The update trigger allows only redactions; the rule's change replaces every hash.
    std::string trigger_sql;
    {
        Statement st = db.prepare(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'audit_log_no_update'");
        if (st.step() == Step::row) {
            trigger_sql = st.get_text(0);
        }
    }
    db.exec("DROP TRIGGER IF EXISTS audit_log_no_update");
    std::string prev = genesis;
    {
        Statement update = db.prepare(
            "UPDATE audit_log SET salt = ?, content_hash = ?, prev_hash = ?, hash = ? WHERE id = ?");
        for (const AuditEntry& e : rows) {
            std::string salt = crypto::random_salt();
            std::string content = content_hash(salt, e.record);
            std::string hash = row_hash(prev, e.at, e.record, content);
            update.bind_all(salt, content, prev, hash, e.id);
            update.run();
            update.reset();
            prev = std::move(hash);
        }
    }
    if (!trigger_sql.empty()) {
        db.exec(trigger_sql);
    }
    const AuditEntry& head = rows.back();
    append_audit(db,
                 {std::nullopt, "schoolctl", "audit.rechain", "database", "",
                  R"({"old_head":")" + std::to_string(head.id) + ":" + head.hash +
                      R"(","rows":)" + std::to_string(rows.size()) + "}"},
                 at);
}

std::optional<std::string> audit_hash_of(Database& db, std::int64_t id) {
    Statement st = db.prepare("SELECT hash FROM audit_log WHERE id = ?");
    st.bind_all(id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return st.get_text(0);
}

}  // namespace schoolctl::store
