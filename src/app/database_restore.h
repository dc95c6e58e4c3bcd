#pragma once
// `schoolctl db restore FILE`: a backup checked, then put in place of the live database.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

#include "app/session.h"

namespace schoolctl::app {

// Why the live database cannot be used (not SQLite, damaged, not a schoolctl database), or
// nothing when it opens and passes SQLite's quick check. A missing file is usable: there is
// nothing to protect.
std::optional<std::string> live_database_problem(const std::filesystem::path& live);

struct RestoreResult {
    std::filesystem::path from;
    int schema_version = 0;
    std::int64_t audit_rows = 0;  // in the backup, chained
    bool replaced_file = false;   // the live file was unusable and was replaced whole
};

// Checks the backup first: a schoolctl database (exit 78 otherwise) no newer than this binary
// (exit 78), sound — integrity, foreign keys and the audit hash chain (exit 65). Then, with a
// `session` on the live database (an administrator, database.admin), copies it over the live
// database inside SQLite's locking, so a running job waits and then sees the restored data;
// without one (the live file is missing or unusable), writes it beside the live file, flushes
// it, removes the old WAL and renames it into place. Either way the restored database gets an
// audit row (database.restore: from which file, by whom, what it replaced). Nothing is changed
// when a check fails.
RestoreResult restore_database(const std::filesystem::path& backup,
                               const std::filesystem::path& live, Session* session,
                               const std::string& actor_login);

}  // namespace schoolctl::app
