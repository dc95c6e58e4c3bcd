#pragma once
// The append-only, hash-chained audit log. A row's actor and details enter the chain through a
// salted content hash, so a purge can redact them (and drop the salt) while the chain still
// verifies; schemas/0009_audit_redaction.sql has the rule.
#include <cstdint>
#include <functional>
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
    bool redacted = false;  // its actor or details were removed by a purge
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
    std::int64_t redacted = 0;  // rows a purge redacted; each is listed by its data.purge row
    std::optional<std::int64_t> broken_at;  // id of the first row whose hash does not match
    std::string reason;
    std::int64_t last_id = 0;  // the head of an intact chain: its last row
    std::string last_hash;
};

ChainCheck verify_audit_chain(Database& db);

// Every row, oldest first, without loading the log into memory.
void for_each_audit_entry(Database& db, const std::function<void(const AuditEntry&)>& visit);

// Replaces a row's actor and details (a purge removing personal data) and drops its salt; the
// row's hashes stay. The purge's own data.purge row must list the id, or verification fails.
// Must run inside the caller's write transaction. A row already redacted is left as it is.
void redact_audit_entry(Database& db, std::int64_t id, const std::string& actor,
                        const std::string& details);

// The action of the row that records a purge; its details list the redacted rows ("redacted").
inline constexpr const char* purge_action = "data.purge";

// Schema 9's code step: verifies the log under the old rule (every field hashed as it stood)
// and re-chains every row under the salted rule, then records the old head in an
// "audit.rechain" row so an anchor taken before can still be matched. Refuses a broken chain:
// re-chaining it would hide the tampering. Runs inside the migration's transaction.
void rechain_audit_log(Database& db, const std::string& at);

// The hash stored in row `id`, or nothing when there is no such row.
std::optional<std::string> audit_hash_of(Database& db, std::int64_t id);

}  // namespace schoolctl::store
