#include "store/audit.h"

#include <algorithm>

#include "util/crypto.h"

namespace schoolctl::store {
namespace {

// The first row chains to this value, so an emptied-then-refilled log does not verify.
const std::string genesis(64, '0');

std::string row_hash(const std::string& prev, const std::string& at, const AuditRecord& r) {
    // Unit separators keep field boundaries unambiguous ("ab"+"c" vs "a"+"bc").
    constexpr char sep = '\x1f';
    std::string data = prev;
    for (const std::string* part : {&at, &r.actor, &r.action, &r.object_type, &r.object_id,
                                    &r.details}) {
        data += sep;
        data += *part;
    }
    data += sep;
    data += r.account_id ? std::to_string(*r.account_id) : "";
    return crypto::sha256_hex(data);
}

AuditEntry read_entry(const Statement& st) {
    AuditEntry e;
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
    return e;
}

constexpr const char* entry_columns =
    "SELECT id, at, account_id, actor, action, object_type, object_id, details, prev_hash, hash "
    "FROM audit_log ";

}  // namespace

void append_audit(Database& db, const AuditRecord& record, const std::string& at) {
    std::string prev = genesis;
    {
        auto last = db.cached("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1");
        if (last->step() == Step::row) {
            prev = last->get_text(0);
        }
    }
    auto st = db.cached(
        "INSERT INTO audit_log(at, account_id, actor, action, object_type, object_id, details, "
        "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(at, record.account_id, record.actor, record.action, record.object_type,
                 record.object_id, record.details, prev, row_hash(prev, at, record));
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
        out.push_back(read_entry(st));
    }
    std::reverse(out.begin(), out.end());
    return out;
}

ChainCheck verify_audit_chain(Database& db) {
    ChainCheck check;
    std::string prev = genesis;
    Statement st = db.prepare(std::string(entry_columns) + "ORDER BY id");
    while (st.step() == Step::row) {
        AuditEntry e = read_entry(st);
        ++check.rows;
        if (e.prev_hash != prev) {
            check.broken_at = e.id;
            check.reason = "its previous-hash does not match the row before it (a row was removed "
                           "or inserted)";
            break;
        }
        if (row_hash(prev, e.at, e.record) != e.hash) {
            check.broken_at = e.id;
            check.reason = "its contents do not match its hash (the row was altered)";
            break;
        }
        prev = e.hash;
        check.last_id = e.id;
        check.last_hash = e.hash;
    }
    return check;
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
