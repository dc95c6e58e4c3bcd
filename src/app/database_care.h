#pragma once
// `schoolctl db check|backup|migrate`.
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "app/session.h"

namespace schoolctl::app {

struct DatabaseCheck {
    std::vector<std::string> problems;  // empty: sound
    std::int64_t audit_rows = 0;
    int schema_version = 0;
};

DatabaseCheck check_database(Session& session);

struct BackupResult {
    std::filesystem::path path;
    std::uintmax_t bytes = 0;
};

// VACUUM INTO a temporary file beside `target`, fsync, verify the copy, then rename: a backup
// under the final name is always complete and sound.
BackupResult backup_database(Session& session, const std::filesystem::path& target);

struct MigrateResult {
    int from_version = 0;
    int to_version = 0;
    std::vector<int> applied;
};

MigrateResult migrate_database(Session& session);

}  // namespace schoolctl::app
