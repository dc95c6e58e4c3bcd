#include "app/database_care.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "store/audit.h"
#include "store/maintenance.h"
#include "store/migrations.h"
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

std::filesystem::path directory_of(const std::filesystem::path& p) {
    return p.has_parent_path() ? p.parent_path() : std::filesystem::path(".");
}

}  // namespace

DatabaseCheck check_database(Session& session) {
    session.require(domain::Permission::database_admin);
    DatabaseCheck result;
    result.problems = store::structural_problems(session.db());
    store::ChainCheck chain = store::verify_audit_chain(session.db());
    result.audit_rows = chain.rows;
    if (chain.broken_at) {
        result.problems.push_back("audit: row " + std::to_string(*chain.broken_at) + ": " +
                                  chain.reason);
    }
    result.schema_version = store::schema_version(session.db());
    return result;
}

void write_checked_copy(store::Database& from, const std::filesystem::path& target,
                        const std::string& what, const std::function<void()>& before_rename) {
    const std::filesystem::path dir = directory_of(target);
    std::filesystem::path temp = target;
    temp += ".partial-" + std::to_string(::getpid());
    std::error_code ignored;
    std::filesystem::remove(temp, ignored);
    try {
        try {
            store::vacuum_into(from, temp);
        } catch (const Error& e) {
            // SQLite names the database read; what failed is writing the copy (a full disk).
            throw Error(e.code(), "cannot write " + what + " " + target.string() + ": " + e.what());
        }
        std::filesystem::permissions(temp, std::filesystem::perms::owner_read |
                                               std::filesystem::perms::owner_write);
        fsync_path(temp, O_RDONLY);
        {
            store::Database copy(temp, {store::OpenMode::existing, 1000});
            auto problems = store::structural_problems(copy);
            if (!problems.empty()) {
                throw Error(ExitCode::io, what + " failed its check: " + problems.front());
            }
        }
        if (before_rename) {
            before_rename();
        }
        std::filesystem::rename(temp, target);
        fsync_path(dir, O_RDONLY | O_DIRECTORY);
    } catch (const std::filesystem::filesystem_error& e) {
        std::filesystem::remove(temp, ignored);
        throw Error(ExitCode::cant_create, "cannot write " + what + " " + target.string() + ": " +
                                               e.code().message());
    } catch (...) {
        std::filesystem::remove(temp, ignored);
        throw;
    }
}

BackupResult backup_database(Session& session, const std::filesystem::path& target) {
    session.require(domain::Permission::database_admin);
    std::filesystem::path dir = directory_of(target);
    if (!std::filesystem::is_directory(dir)) {
        throw Error(ExitCode::cant_create,
                    "cannot create " + target.string() + ": directory " + dir.string() +
                        " does not exist");
    }
    if (std::filesystem::exists(target)) {
        throw Error(ExitCode::cant_create,
                    target.string() + " already exists; choose a new name or remove it first");
    }
    write_checked_copy(session.db(), target, "the backup");
    store::Transaction tx(session.db());
    BackupResult result{target, std::filesystem::file_size(target)};
    session.audit("database.backup", "database", "",
                  {{"to", std::filesystem::absolute(target).string()}, {"bytes", result.bytes}});
    tx.commit();
    return result;
}

MigrateResult migrate_database(Session& session) {
    session.require(domain::Permission::database_admin);
    MigrateResult result;
    result.from_version = store::schema_version(session.db());
    result.applied = store::migrate(session.db());
    result.to_version = store::schema_version(session.db());
    if (!result.applied.empty()) {
        store::Transaction tx(session.db());
        session.audit("database.migrate", "database", "",
                      {{"from", result.from_version}, {"to", result.to_version}});
        tx.commit();
    }
    return result;
}

}  // namespace schoolctl::app
