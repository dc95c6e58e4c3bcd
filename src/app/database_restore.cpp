#include "app/database_restore.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <nlohmann/json.hpp>

#include "store/audit.h"
#include "store/maintenance.h"
#include "store/migrations.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

void fsync_path(const std::filesystem::path& path, int flags) {
    int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) {
        throw Error(ExitCode::io, "cannot open " + path.string() + ": " + std::strerror(errno));
    }
    int rc = ::fsync(fd);
    int saved = errno;
    ::close(fd);
    if (rc != 0) {
        throw Error(ExitCode::io, "cannot flush " + path.string() + ": " + std::strerror(saved));
    }
}

std::filesystem::path sibling(const std::filesystem::path& p, const std::string& suffix) {
    std::filesystem::path out = p;
    out += suffix;
    return out;
}

// The backup's checks, on a connection that is closed again before anything is replaced.
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
    // The live file is missing or unusable: a new file, complete and checked, renamed into place.
    std::filesystem::path dir = live.has_parent_path() ? live.parent_path() : ".";
    std::filesystem::path temp = sibling(live, ".restore-" + std::to_string(::getpid()));
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    try {
        store::vacuum_into(copy, temp);
        std::filesystem::permissions(temp, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
        fsync_path(temp, O_RDONLY);
        {
            store::Database check(temp, {store::OpenMode::existing, 5000});
            auto problems = store::structural_problems(check);
            if (!problems.empty()) {
                throw Error(ExitCode::io, "the restored copy failed its check: " +
                                              problems.front());
            }
        }
        // The old database's WAL must not be replayed onto the new file.
        for (const char* suffix : {"-wal", "-shm"}) {
            std::filesystem::remove(sibling(live, suffix));
        }
        std::filesystem::rename(temp, live);
        fsync_path(dir, O_RDONLY | O_DIRECTORY);
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove(temp, ignored);
        throw Error(ExitCode::cant_create, "cannot restore to " + live.string() + ": " +
                                               e.code().message());
    } catch (...) {
        std::filesystem::remove(temp, ignored);
        throw;
    }
    result.replaced_file = true;
    store::Database restored(live, {store::OpenMode::existing, 5000});
    audit_restore(restored, result, actor_login, "an unusable or missing file");
    return result;
}

}  // namespace schoolctl::app
