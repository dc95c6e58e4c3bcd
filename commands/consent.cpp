#include "commands/consent.h"

#include "app/consents.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"
#include "domain/consent.h"

namespace schoolctl::cli {

CommandInfo ConsentCommand::info() const {
    return {"consent",
            "Guardians' consents to the processing of a child's data: record, revoke, list",
            "Data",
            {"schoolctl consent record --guardian G-0001 --pupil S-0002 --kind health "
             "--date 01.09.2026",
             "schoolctl consent record --guardian abramova.natalya --kind personal_data "
             "--date 01.09.2026 --scope \"для электронного журнала\"",
             "schoolctl consent revoke --id 3 --date 20.11.2026 --reason \"заявление\"",
             "schoolctl consent list --class 5А --kind health --format csv"}};
}

void ConsentCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    const std::string kinds = domain::consent_kind_codes();
    record_ = app.add_subcommand("record", "Record a consent a guardian gave, from its date");
    record_->add_option("--guardian", guardian_,
                        "The guardian: external id, or the login of their account")
        ->required();
    record_->add_option("--pupil", pupil_,
                        "One child: id, login or full name (default: every child of the "
                        "guardian)");
    record_->add_option("--kind", kind_, "What to: " + kinds)->required();
    record_->add_option("--date", date_, "When it was given: DD.MM.YYYY")->required();
    record_->add_option("--scope", scope_, "What the paper says it covers, in words");

    revoke_ = app.add_subcommand("revoke", "Record that a consent was revoked (it is kept)");
    revoke_->add_option("--id", id_, "The consent's number, as consent list shows it")
        ->required();
    revoke_->add_option("--date", date_, "When it was revoked: DD.MM.YYYY")->required();
    revoke_->add_option("--reason", reason_, "Why (kept with the consent and in the audit log)");

    list_ = app.add_subcommand("list", "Consents, with when they were given and revoked");
    auto* klass =
        list_->add_option("--class", class_, "The consents covering the pupils of a class: 5А");
    list_->add_option("--pupil", pupil_, "The consents covering one pupil")->excludes(klass);
    list_->add_option("--guardian", guardian_filter_, "One guardian's consents");
    list_->add_option("--kind", kind_filter_, "Only one kind: " + kinds);
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

int ConsentCommand::run(Context& ctx) {
    if (record_->parsed()) {
        app::ConsentRecorded r = app::record_consent(
            ctx.session(),
            {guardian_, pupil_, kind_, date_option("--date", date_), scope_});
        ctx.out() << r.id << '\n';
        ctx.note("Recorded consent #" + std::to_string(r.id) + ": " + r.kind + ", " +
                 r.guardian + (r.pupil.empty() ? " (every child)" : " for " + r.pupil) + ".");
        return 0;
    }
    if (revoke_->parsed()) {
        app::RevokeResult r =
            app::revoke_consent(ctx.session(), id_, date_option("--date", date_), reason_);
        std::string deleted;
        if (r.health_records_deleted > 0) {
            deleted = "; " + std::to_string(r.health_records_deleted) +
                      (r.health_records_deleted == 1 ? " health record" : " health records") +
                      " deleted";
        }
        ctx.note(r.changed ? "Revoked consent " + r.description + deleted + "."
                           : "Consent " + r.description + " was already revoked; nothing changed.");
        return 0;
    }
    print_document(ctx, app::list_consents(ctx.session(),
                                           {class_, pupil_, guardian_filter_, kind_filter_}),
                   format_);
    return 0;
}

}  // namespace schoolctl::cli
