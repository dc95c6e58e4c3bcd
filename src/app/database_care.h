#pragma once
// `schoolctl db check|backup|migrate`, and the checked copy a backup and a restore write.
#include <cstdint>
#include <filesystem>
#include <functional>
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

// A database copied to `target` so that nothing incomplete ever stands under that name: VACUUM
// INTO a temporary file beside it (mode 0600), flushed, checked (integrity and foreign keys),
// then `before_rename`, the rename and the directory flushed. The temporary is removed on any
// failure. `what` names the copy in errors («the backup»). Used by backup and restore.
void write_checked_copy(store::Database& from, const std::filesystem::path& target,
                        const std::string& what,
                        const std::function<void()>& before_rename = {});

struct MigrateResult {
    int from_version = 0;
    int to_version = 0;
    std::vector<int> applied;
};

MigrateResult migrate_database(Session& session);

}  // namespace schoolctl::app
