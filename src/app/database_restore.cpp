#include "app/database_restore.h"

#include <nlohmann/json.hpp>

#include "app/database_care.h"
#include "store/audit.h"
#include "store/maintenance.h"
#include "store/migrations.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// The backup's checks, all made before anything is replaced.
void check_backup(store::Database& copy, RestoreResult& result) {
    store::check_schema(copy);  // exit 78: not schoolctl's, or newer than this binary
    result.schema_version = store::schema_version(copy);
    auto problems = store::structural_problems(copy);
    if (!problems.empty()) {
        throw Error(ExitCode::data, result.from.string() + " is damaged, not restored: " +
                                        problems.front());
    }
    store::ChainCheck chain = store::verify_audit_chain(copy);
    if (chain.broken_at) {
        throw Error(ExitCode::data, result.from.string() + ": its audit log was altered at row " +
                                        std::to_string(*chain.broken_at) + " (" + chain.reason +
                                        "), not restored");
    }
    result.audit_rows = chain.rows;
}

void audit_restore(store::Database& live, const RestoreResult& r, const std::string& actor,
                   const std::string& replaced) {
    store::Transaction tx(live);
    nlohmann::json details{{"from", std::filesystem::absolute(r.from).string()},
                           {"schema", r.schema_version},
                           {"audit_rows", r.audit_rows},
                           {"replaced", replaced}};
    // No account id: the accounts are the backup's now, and the id may name someone else.
    store::append_audit(live, {std::nullopt, actor, "database.restore", "database", "",
                               details.dump()},
                        utc_iso_now());
    tx.commit();
}

}  // namespace

std::optional<std::string> live_database_problem(const std::filesystem::path& live) {
    if (!std::filesystem::exists(live)) {
        return std::nullopt;
    }
    try {
        store::Database db(live, {store::OpenMode::existing, 5000});
        store::check_schema(db);
        store::Statement quick = db.prepare("PRAGMA quick_check");
        while (quick.step() == store::Step::row) {
            std::string line = quick.get_text(0);
            if (line != "ok") {
                return "damaged (" + line + ")";
            }
        }
    } catch (const Error& e) {
        if (e.code() == ExitCode::busy) {
            throw;
        }
        return e.what();
    }
    return std::nullopt;
}

RestoreResult restore_database(const std::filesystem::path& backup,
                               const std::filesystem::path& live, Session* session,
                               const std::string& actor_login) {
    if (session != nullptr) {
        session->require(domain::Permission::database_admin);
    }
    RestoreResult result;
    result.from = backup;
    if (!std::filesystem::is_regular_file(backup)) {
        throw Error(ExitCode::no_input, "cannot read backup " + backup.string() + ": " +
                                            (std::filesystem::exists(backup)
                                                 ? "not a regular file"
                                                 : "no such file"));
    }
    if (std::filesystem::exists(live) && std::filesystem::equivalent(backup, live)) {
        throw Error(ExitCode::usage, backup.string() + " is the live database itself");
    }
    store::Database copy(backup, {store::OpenMode::existing, 5000});
    try {
        check_backup(copy, result);
    } catch (const Error& e) {
        if (e.code() != ExitCode::io) {
            throw;
        }
        // SQLite's own word for a damaged file ("database disk image is malformed").
        throw Error(ExitCode::data, backup.string() + " is damaged, not restored: " + e.what());
    }

    if (session != nullptr) {
        store::copy_database_over(copy, session->db());
        audit_restore(session->db(), result, actor_login, "the live database");
        return result;
    }
    // The live file is missing or unusable: a new file, complete and checked, renamed into place
    // once the old database's WAL is gone (it must not be replayed onto the new file).
    write_checked_copy(copy, live, "the restored database", [&] {
        for (const char* suffix : {"-wal", "-shm"}) {
            std::filesystem::path stale = live;
            stale += suffix;
            std::filesystem::remove(stale);
        }
    });
    result.replaced_file = true;
    store::Database restored(live, {store::OpenMode::existing, 5000});
    audit_restore(restored, result, actor_login, "an unusable or missing file");
    return result;
}

}  // namespace schoolctl::app
