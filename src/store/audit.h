#pragma once
// The append-only, hash-chained audit log.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct AuditRecord {
    std::optional<std::int64_t> account_id;
    std::string actor;  // the login, kept even if the account is later removed
    std::string action;       // "import.students", "account.login", ...
    std::string object_type;  // "pupil", "account", ...
    std::string object_id;
    std::string details;  // JSON: {"old": {...}, "new": {...}} or facts about an export
};

struct AuditEntry {
    std::int64_t id = 0;
    std::string at;
    AuditRecord record;
    std::string prev_hash;
    std::string hash;
};

// Appends one row chained to the previous one. Must run inside the caller's write transaction,
// so the row commits or rolls back with the change it describes.
void append_audit(Database& db, const AuditRecord& record, const std::string& at);

struct AuditFilter {
    std::optional<std::string> since;        // UTC ISO timestamp, inclusive
    std::optional<std::string> object_type;  // "pupil"
    std::optional<std::string> object_id;
    std::optional<std::string> action_prefix;  // "import."
    std::size_t limit = 0;                    // the newest N rows; 0: no limit
};

std::vector<AuditEntry> list_audit(Database& db, const AuditFilter& filter);

struct ChainCheck {
    std::int64_t rows = 0;
    std::optional<std::int64_t> broken_at;  // id of the first row whose hash does not match
    std::string reason;
    std::int64_t last_id = 0;  // the head of an intact chain: its last row
    std::string last_hash;
};

ChainCheck verify_audit_chain(Database& db);

// The hash stored in row `id`, or nothing when there is no such row.
std::optional<std::string> audit_hash_of(Database& db, std::int64_t id);

}  // namespace schoolctl::store
