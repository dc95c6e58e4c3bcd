#include "store/connection.h"

#include "store/migrations.h"
#include "util/error.h"

namespace schoolctl::store {
namespace {

void configure(Database& db) {
    // WAL lets report jobs read while an import writes; FULL keeps a committed import on power loss.
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA synchronous = FULL");
}

}  // namespace

std::unique_ptr<Database> create_database(const std::filesystem::path& path, int busy_timeout_ms) {
    auto db = std::make_unique<Database>(path, OpenOptions{OpenMode::create, busy_timeout_ms});
    try {
        configure(*db);
        migrate(*db);
    } catch (...) {
        db.reset();
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        std::filesystem::remove(path.string() + "-wal", ignored);
        std::filesystem::remove(path.string() + "-shm", ignored);
        throw;
    }
    return db;
}

std::unique_ptr<Database> open_database(const std::filesystem::path& path, int busy_timeout_ms,
                                        SchemaPolicy policy) {
    auto db = std::make_unique<Database>(path, OpenOptions{OpenMode::existing, busy_timeout_ms});
    configure(*db);
    if (check_schema(*db) == SchemaState::older && policy == SchemaPolicy::require_current) {
        throw Error(ExitCode::config,
                    "database " + path.string() + " has schema version " +
                        std::to_string(schema_version(*db)) + " but this schoolctl uses " +
                        std::to_string(latest_schema_version()) +
                        "; run `schoolctl db backup FILE` and then `schoolctl db migrate`");
    }
    return db;
}

void enlarge_cache_for_bulk_load(Database& db, int mebibytes) {
    db.exec("PRAGMA cache_size = -" + std::to_string(mebibytes * 1024));
    db.exec("PRAGMA temp_store = MEMORY");
}

}  // namespace schoolctl::store
