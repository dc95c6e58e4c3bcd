#include "commands/db.h"

#include "app/database_care.h"
#include "commands/context.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo DbCommand::info() const {
    return {"db",
            "Check, back up and migrate the database",
            "Maintenance",
            {"schoolctl db check", "schoolctl db backup /var/backups/school-$(date +%F).db",
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
    app::MigrateResult r = app::migrate_database(ctx.session(store::SchemaPolicy::allow_older));
    if (r.applied.empty()) {
        ctx.note("Schema is already at version " + std::to_string(r.to_version) + ".");
    } else {
        ctx.note("Migrated schema " + std::to_string(r.from_version) + " -> " +
                 std::to_string(r.to_version) + ".");
    }
    return 0;
}

}  // namespace schoolctl::cli
