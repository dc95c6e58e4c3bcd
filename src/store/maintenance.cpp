#include "store/maintenance.h"

#include <sqlite3.h>

#include "util/error.h"

namespace schoolctl::store {

std::vector<std::string> structural_problems(Database& db) {
    std::vector<std::string> problems;
    Statement integrity = db.prepare("PRAGMA integrity_check");
    while (integrity.step() == Step::row) {
        std::string line = integrity.get_text(0);
        if (line != "ok") {
            problems.push_back("integrity: " + line);
        }
    }
    Statement keys = db.prepare("PRAGMA foreign_key_check");
    while (keys.step() == Step::row) {
        problems.push_back("foreign key: row " + std::to_string(keys.get_int(1)) + " of table " +
                           keys.get_text(0) + " refers to a missing row of " + keys.get_text(2));
    }
    return problems;
}

void vacuum_into(Database& db, const std::filesystem::path& target) {
    Statement st = db.prepare("VACUUM INTO ?");
    st.bind(1, target.string());
    st.run();
}

void copy_database_over(Database& source, Database& live) {
    sqlite3_backup* backup = sqlite3_backup_init(live.handle(), "main", source.handle(), "main");
    if (backup == nullptr) {
        throw Error(ExitCode::io, "cannot restore into " + live.path().string() + ": " +
                                      sqlite3_errmsg(live.handle()));
    }
    // All pages in one step: the live database is locked once, for the whole copy, after
    // waiting up to its busy timeout for the jobs using it.
    const int rc = sqlite3_backup_step(backup, -1);
    sqlite3_backup_finish(backup);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
        throw Error(ExitCode::busy, "cannot restore into " + live.path().string() +
                                             ": another schoolctl is using it; try again when "
                                             "it has finished");
    }
    if (rc != SQLITE_DONE) {
        throw Error(ExitCode::io, "cannot restore into " + live.path().string() + ": " +
                                      sqlite3_errstr(rc));
    }
}

void checkpoint(Database& db) { db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

}  // namespace schoolctl::store
