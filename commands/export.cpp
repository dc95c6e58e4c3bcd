#include "commands/export.h"

#include "app/export/roster_export.h"
#include "commands/context.h"

#include <algorithm>

namespace schoolctl::cli {
namespace {

app::RosterFormat roster_format(const std::string& name) {
    if (name == "xlsx") {
        return app::RosterFormat::xlsx;
    }
    return name == "oneroster" ? app::RosterFormat::oneroster : app::RosterFormat::csv;
}

} // namespace

CommandInfo ExportCommand::info() const {
    return {"export",
            "Write the roster as files `schoolctl import` reads back (CSV, XLSX) or as OneRoster",
            "Data",
            {"schoolctl export roster --format csv --out roster/",
             "schoolctl export roster --format xlsx --out roster.xlsx",
             "schoolctl export roster --format oneroster --out oneroster/ "
             "--oneroster-version 1.2"}};
}

void ExportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    roster_ = app.add_subcommand(
        "roster",
        "Subjects, staff, classes, pupils, guardians, groups and who teaches what, as they are "
        "now");
    roster_
        ->add_option("--format", format_,
                     "csv: a folder of files, one per import kind; xlsx: one workbook, a sheet "
                     "per kind; oneroster: a OneRoster CSV bundle")
        ->check(CLI::IsMember({"csv", "xlsx", "oneroster"}))
        ->type_name("FORMAT")
        ->required();
    roster_
        ->add_option("--out", out_,
                     "csv, oneroster: the folder to write (created if missing); xlsx: the "
                     "workbook")
        ->type_name("DIR|FILE")
        ->required();
    roster_
        ->add_option("--oneroster-version", oneroster_version_,
                     "The OneRoster version of the bundle")
        ->check(CLI::IsMember({"1.1", "1.2"}))
        ->type_name("VERSION")
        ->capture_default_str();
}

int ExportCommand::run(Context& ctx) {
    app::RosterExportRequest request;
    request.format = roster_format(format_);
    request.out = out_;
    request.oneroster_version = oneroster_version_ == "1.2" ? formats::OneRosterVersion::v1_2
                                                            : formats::OneRosterVersion::v1_1;
    app::RosterExportSummary summary = app::export_roster(ctx.session(), request);
    for (const auto& w : summary.warnings) {
        ctx.warn(w);
    }
    ctx.out() << "exported: " << summary.written << '\n';
    for (const auto& [kind, n] : summary.counts) {
        std::string label = kind + ' ';
        label.resize(std::max<std::size_t>(label.size(), 13), ' ');
        ctx.out() << "  " << label << n << '\n';
    }
    return 0;
}

} // namespace schoolctl::cli
