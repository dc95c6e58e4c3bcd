#include "commands/audit.h"

#include "app/audit_view.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo AuditCommand::info() const {
    return {"audit",
            "Read and verify the append-only, hash-chained audit log",
            "Maintenance",
            {"schoolctl audit list --since 01.09.2026 --object pupil",
             "schoolctl audit list --action import --format json", "schoolctl audit verify",
             "schoolctl audit verify --expect 1234:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}};
}

void AuditCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    list_ = app.add_subcommand("list", "List audit rows, oldest first");
    list_->add_option("--since", since_,
                      "Only rows from this school day (DD.MM.YYYY or ISO; Moscow time) or UTC "
                      "timestamp");
    list_->add_option("--object", object_, "Only rows about TYPE or TYPE:ID (e.g. pupil:42)");
    list_->add_option("--action", action_, "Only actions starting with this (e.g. import)");
    list_->add_option("--limit", limit_, "Only the newest N rows");
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
    verify_ = app.add_subcommand("verify", "Check the hash chain of the whole log");
    verify_->add_option("--expect", expect_,
                        "Also check that row ID still holds HASH (ID:HASH, as verify printed "
                        "it before): catches rows cut from the log's end")
        ->type_name("ID:HASH");
}

int AuditCommand::run(Context& ctx) {
    if (list_->parsed()) {
        print_document(ctx, app::audit_listing(ctx.session(), {since_, object_, action_, limit_}),
                       format_);
        return 0;
    }
    store::ChainCheck check = app::verify_audit(ctx.session(), expect_);
    if (check.broken_at) {
        throw Error(ExitCode::data, "the audit log is broken at row " +
                                        std::to_string(*check.broken_at) + ": " + check.reason);
    }
    ctx.out() << "audit log intact: " << check.rows << " rows, hash chain verified";
    if (check.redacted > 0) {
        ctx.out() << " (" << check.redacted << " redacted by purges)";
    }
    ctx.out() << '\n';
    if (check.rows > 0) {
        // Kept somewhere else (a cron mail, another machine), this proves later that no row up
        // to it was cut or rewritten: `schoolctl audit verify --expect ID:HASH`.
        ctx.out() << "last row: " << check.last_id << ':' << check.last_hash << '\n';
    }
    return 0;
}

}  // namespace schoolctl::cli
