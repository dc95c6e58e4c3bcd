#include "store/migrations.h"

#include <string>

#include "store/audit.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::store {
namespace {

int pragma_int(Database& db, const char* sql) {
    Statement st = db.prepare(sql);
    return st.step() == Step::row ? static_cast<int>(st.get_int(0)) : 0;
}

// What a migration needs beyond its SQL, run after it in the same transaction.
void run_code_step(Database& db, int number) {
    if (number == 9) {
        rechain_audit_log(db, utc_iso_now());
    }
}

}  // namespace

int latest_schema_version() {
    const auto& all = embedded_migrations();
    return all.empty() ? 0 : all.back().number;
}

int schema_version(Database& db) { return pragma_int(db, "PRAGMA user_version"); }

SchemaState check_schema(Database& db) {
    int app = pragma_int(db, "PRAGMA application_id");
    int version = schema_version(db);
    if (app != application_id) {
        throw Error(ExitCode::config, db.path().string() +
                                          " is an SQLite file but not a schoolctl database "
                                          "(application_id " +
                                          std::to_string(app) + ")");
    }
    int latest = latest_schema_version();
    if (version > latest) {
        throw Error(ExitCode::config,
                    "database " + db.path().string() + " has schema version " +
                        std::to_string(version) + ", newer than this schoolctl understands (" +
                        std::to_string(latest) + "); upgrade schoolctl");
    }
    return version < latest ? SchemaState::older : SchemaState::current;
}

std::vector<int> migrate(Database& db) {
    std::vector<int> applied;
    int current = schema_version(db);
    for (const Migration& m : embedded_migrations()) {
        if (m.number <= current) {
            continue;
        }
        Transaction tx(db);
        db.exec(m.sql);
        // PRAGMA takes no bound parameters; the number comes from our own embedded list.
        db.exec("PRAGMA user_version = " + std::to_string(m.number));
        // After the version: a code step writes under the new schema's rules.
        run_code_step(db, m.number);
        if (m.number == 1) {
            db.exec("PRAGMA application_id = " + std::to_string(application_id));
        }
        tx.commit();
        applied.push_back(m.number);
    }
    return applied;
}

}  // namespace schoolctl::store
