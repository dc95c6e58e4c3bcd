#include "store/maintenance.h"

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

void checkpoint(Database& db) { db.exec("PRAGMA wal_checkpoint(TRUNCATE)"); }

}  // namespace schoolctl::store
