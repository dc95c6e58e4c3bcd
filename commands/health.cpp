#include "commands/health.h"

#include "app/health.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "domain/health.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo HealthCommand::info() const {
    return {"health",
            "Pupils' health and PE groups, kept only with a guardian's written consent",
            "Data",
            {"schoolctl health set --pupil S-0002 --group II --pe-group подготовительная",
             "schoolctl health list --class 5А",
             "schoolctl health export --class 5А --out 5A-health.xlsx"}};
}

void HealthCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    set_ = app.add_subcommand("set", "Record a pupil's health group, PE group or note");
    set_->add_option("--pupil", pupil_, "The pupil: id, login or full name")->required();
    set_->add_option("--group", group_, "Health group: I, II, III, IV or V");
    set_->add_option("--pe-group", pe_group_,
                     "Physical-education group: " + domain::pe_group_names());
    set_->add_option("--note", note_, "A note for the teachers (\"\" clears it)");

    remove_ = app.add_subcommand("remove", "Delete a pupil's health record");
    remove_->add_option("--pupil", pupil_, "The pupil: id, login or full name")->required();

    list_ = app.add_subcommand("list", "The health records whose consent holds");
    list_->add_option("--class", class_, "One class: 5А");
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    export_ = app.add_subcommand(
        "export", "Write the health records to a file; refused if any lacks a valid consent");
    export_->add_option("--class", class_, "One class: 5А");
    export_->add_option("--out", out_, "The file (mode 0600), or a directory for health.FORMAT")
        ->required();
    export_->add_option("--format", export_format_,
                        "xlsx, pdf, html or csv (default: from --out's extension)")
        ->check(CLI::IsMember({"xlsx", "pdf", "html", "csv"}));
}

int HealthCommand::run(Context& ctx) {
    if (set_->parsed()) {
        app::HealthSaved r = app::set_health(ctx.session(), {pupil_, group_, pe_group_, note_});
        ctx.note(!r.changed ? "Health record of " + r.pupil + " unchanged."
                 : r.created ? "Recorded the health record of " + r.pupil + "."
                             : "Updated the health record of " + r.pupil + ".");
        return 0;
    }
    if (remove_->parsed()) {
        bool removed = app::remove_health(ctx.session(), pupil_);
        ctx.note(removed ? "Deleted the health record." : "There was no health record.");
        return 0;
    }
    if (list_->parsed()) {
        print_document(ctx, app::list_health(ctx.session(), class_), format_);
        return 0;
    }
    if (out_ == "-") {
        throw Error(ExitCode::usage, "health export writes a file: give --out FILE");
    }
    app::ReportDestination destination;
    destination.out = out_;
    destination.format = app::choose_format(export_format_, out_);
    std::string written = app::export_health(ctx.session(), class_, destination, ctx.out());
    ctx.out() << written << '\n';
    return 0;
}

}  // namespace schoolctl::cli
