#pragma once
// Opening a schoolctl database the one right way: pragmas on every connection, schema checked.
#include <filesystem>
#include <memory>

#include "store/database.h"

namespace schoolctl::store {

// Creates a new database file (mode 0600) and applies every migration.
std::unique_ptr<Database> create_database(const std::filesystem::path& path, int busy_timeout_ms);

enum class SchemaPolicy { require_current, allow_older };

// Opens an existing database. With require_current an older schema is refused (exit 78) with a
// pointer to `schoolctl db migrate`; a newer one is always refused.
std::unique_ptr<Database> open_database(const std::filesystem::path& path, int busy_timeout_ms,
                                        SchemaPolicy policy = SchemaPolicy::require_current);

// A larger page cache for this connection: bulk loads into indexed tables are several times
// faster when the indexes' pages stay in memory (Debian's default cache is 2 MB). Temporary
// files in memory too: a statement or savepoint inside the import's transaction keeps the old
// content of every page it changes in a sub-journal, which otherwise spills to a file in /var/tmp
// and was most of an import's system time.
void enlarge_cache_for_bulk_load(Database& db, int mebibytes = 64);

}  // namespace schoolctl::store
