#include "commands/db.h"

#include <unistd.h>

#include <cstdlib>

#include "app/database_care.h"
#include "app/database_restore.h"
#include "commands/context.h"
#include "store/migrations.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo DbCommand::info() const {
    return {"db",
            "Check, back up, restore and migrate the database",
            "Maintenance",
            {"schoolctl db check", "schoolctl db backup /var/backups/school-$(date +%F).db",
             "schoolctl db restore /var/backups/school-2026-11-28.db",
             "schoolctl db migrate"}};
}

void DbCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    check_ = app.add_subcommand(
        "check", "Integrity check, foreign keys and the audit hash chain; exit 65 on a problem");
    backup_ = app.add_subcommand(
        "backup", "A consistent copy of the live database (VACUUM INTO, verified, then renamed)");
    backup_->add_option("FILE", backup_file_, "Where to write the copy (must not exist)")
        ->required();
    migrate_ = app.add_subcommand("migrate", "Bring the schema up to this schoolctl's version");
    restore_ = app.add_subcommand(
        "restore", "Put a backup in place of the database, after checking it (a running job "
                   "waits, then sees the restored data)");
    restore_->add_option("FILE", restore_file_, "The backup made by `schoolctl db backup`")
        ->required();
}

int DbCommand::run(Context& ctx) {
    if (check_->parsed()) {
        app::DatabaseCheck result =
            app::check_database(ctx.session(store::SchemaPolicy::allow_older));
        for (const auto& p : result.problems) {
            ctx.out() << p << '\n';
        }
        if (!result.problems.empty()) {
            throw Error(ExitCode::data, std::to_string(result.problems.size()) +
                                            " problem(s) found in " + ctx.db_path().string());
        }
        ctx.out() << "ok: schema " << result.schema_version << ", integrity and foreign keys sound, "
                  << result.audit_rows << " audit rows chained\n";
        return 0;
    }
    if (backup_->parsed()) {
        // Backing up before a migration is the point, so an older schema is accepted.
        app::BackupResult r =
            app::backup_database(ctx.session(store::SchemaPolicy::allow_older), backup_file_);
        ctx.out() << r.path.string() << '\n';
        ctx.note("Backed up " + std::to_string(r.bytes) + " bytes, verified.");
        return 0;
    }
    if (restore_->parsed()) {
        return run_restore(ctx);
    }
    app::MigrateResult r = app::migrate_database(ctx.session(store::SchemaPolicy::allow_older));
    if (r.applied.empty()) {
        ctx.note("Schema is already at version " + std::to_string(r.to_version) + ".");
    } else {
        ctx.note("Migrated schema " + std::to_string(r.from_version) + " -> " +
                 std::to_string(r.to_version) + ".");
    }
    return 0;
}

// A live database that opens takes an administrator's login to be replaced. One that does not
// open (damaged, not SQLite, gone) is what a restore is for, and the files' own permissions are
// then the only gate: the restore says so, and the audit row names the system user.
int DbCommand::run_restore(Context& ctx) {
    const std::filesystem::path live = ctx.db_path();
    std::optional<std::string> problem = app::live_database_problem(live);
    app::Session* session = nullptr;
    std::string actor;
    if (!problem) {
        session = &ctx.session(store::SchemaPolicy::allow_older);
        actor = session->actor().login;
    } else {
        const char* user = std::getenv("USER");
        actor = "system user " + std::string(user != nullptr ? user : std::to_string(::getuid()));
        if (std::filesystem::exists(live)) {
            ctx.warn(live.string() + " cannot be used (" + *problem +
                     "); it is replaced without a login");
        }
    }
    app::RestoreResult r = app::restore_database(restore_file_, live, session, actor);
    ctx.out() << live.string() << '\n';
    ctx.note("Restored " + r.from.string() + " (schema " + std::to_string(r.schema_version) +
             ", " + std::to_string(r.audit_rows) + " audit rows chained)" +
             (r.schema_version < store::latest_schema_version()
                  ? "; its schema is older: run `schoolctl db migrate`"
                  : ""));
    return 0;
}

}  // namespace schoolctl::cli
