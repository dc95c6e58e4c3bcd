#pragma once
// Removing the personal data of pupils and staff who left (`schoolctl purge`): who is due, and
// the one pass that removes it. The caller holds the write transaction and redacts the audit
// log (store/audit.h) with what this returns.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

enum class PurgedKind { pupil, staff, guardian };
// "pupil", "staff", "guardian": as the audit log's object types name them.
std::string_view to_string(PurgedKind kind);

struct PurgeCandidate {
    std::int64_t id = 0;
    PurgedKind kind = PurgedKind::pupil;
    domain::PersonName name;
    std::optional<std::string> external_id;
    std::optional<std::string> left_on;  // none for a guardian: due because every child is
    std::string email;                   // guardians' contacts
    std::string phone;
};

// The pupils and staff of the school who left before `left_before` (ISO date) and are not
// purged yet, then the guardians all of whose children are among those pupils; in that order,
// each by name.
std::vector<PurgeCandidate> purge_candidates(Database& db, std::int64_t school_id,
                                             const std::string& left_before);

struct PurgedAccount {
    std::int64_t id = 0;
    std::string login;
};

// What the purge removed, for the audit log's redaction and the summary. Ids, never names.
struct PurgeOutcome {
    std::vector<PurgedAccount> accounts;
    std::vector<std::int64_t> consents;
    std::vector<std::int64_t> remarks;
    std::int64_t guardian_links = 0;
    std::int64_t health_records = 0;
    std::int64_t texts_cleared = 0;  // comments, notes and reasons about the pupils emptied
};

// Inside the caller's write transaction: deletes the candidates' accounts (their tokens and
// grants with them), grants scoped to the pupils, consents, health records, diary receipts,
// remarks and guardian links, and the guardians themselves; empties the comments, notes and reasons of the
// pupils' marks and absences; and renames each pupil and staff member to `placeholder_last` +
// «№ id» without birth date, external id, family key, leaving reason or position, marked
// purged on `today`. Their marks, absences, period marks and class memberships stay, so past
// periods' reports keep their figures. The actor of imports by a deleted account becomes
// `placeholder_actor`.
PurgeOutcome purge_people(Database& db, const std::vector<PurgeCandidate>& candidates,
                          const std::string& placeholder_last,
                          const std::string& placeholder_actor, const std::string& today);

// Overwrites deleted content with zeros from now on, on this connection (PRAGMA secure_delete).
void erase_deleted_content(Database& db);

// After the purge commits: rebuilds the file without free pages (VACUUM) and empties the WAL,
// so no copy of the removed bytes stays in either file.
void compact_and_truncate_wal(Database& db);

}  // namespace schoolctl::store
