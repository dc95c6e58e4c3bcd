#include "commands/export.h"

#include "app/export/ics_export.h"
#include "app/export/roster_export.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "util/error.h"

#include <algorithm>

namespace schoolctl::cli {
namespace {

app::RosterFormat roster_format(const std::string& name) {
    if (name == "xlsx") {
        return app::RosterFormat::xlsx;
    }
    return name == "oneroster" ? app::RosterFormat::oneroster : app::RosterFormat::csv;
}

// The first few lessons of a list, for a warning that stays one line.
std::string first_few(const std::vector<std::string>& items) {
    constexpr std::size_t shown = 3;
    std::string out;
    for (std::size_t i = 0; i < items.size() && i < shown; ++i) {
        out += (i == 0 ? "" : "; ") + items[i];
    }
    return items.size() > shown ? out + "; ..." : out;
}

} // namespace

CommandInfo ExportCommand::info() const {
    return {"export",
            "Write the roster as files `schoolctl import` reads back (CSV, XLSX) or as "
            "OneRoster; lessons as iCalendar",
            "Data",
            {"schoolctl export roster --format csv --out roster/",
             "schoolctl export roster --format xlsx --out roster.xlsx",
             "schoolctl export roster --format oneroster --out oneroster/ "
             "--oneroster-version 1.2",
             "schoolctl export ics --class 5А --out 5a.ics",
             "schoolctl export ics --teacher T-0007 --from 11.01.2027 --to 26.05.2027 --out "
             "teacher.ics"}};
}

void ExportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    add_roster(app);
    add_ics(app);
}

void ExportCommand::add_roster(CLI::App& app) {
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

void ExportCommand::add_ics(CLI::App& app) {
    ics_ = app.add_subcommand(
        "ics", "The dated lessons of a class, a teacher or a room as an iCalendar file for "
               "phones and calendar apps");
    auto* whose = ics_->add_option_group("whose", "Whose lessons");
    whose->add_option("--class", class_, "A class: 5А (with its subgroups)")->type_name("CLASS");
    whose
        ->add_option("--teacher", teacher_,
                     "A teacher: login, staff id or full name (with the lessons they give as a "
                     "substitute or miss)")
        ->type_name("TEACHER");
    whose->add_option("--room", room_, "A room, as the timetable names it: 204")->type_name("ROOM");
    whose->require_option(1);
    ics_->add_option("--from", from_, "First day (default: the academic year's first)")
        ->type_name("DATE");
    ics_->add_option("--to", to_, "Last day (default: the academic year's last)")
        ->type_name("DATE");
    ics_->add_option("--out", ics_out_,
                     "The .ics file to write (mode 0600), or - for stdout (the default)")
        ->type_name("FILE|-");
}

int ExportCommand::run(Context& ctx) {
    return ics_->parsed() ? run_ics(ctx) : run_roster(ctx);
}

int ExportCommand::run_roster(Context& ctx) {
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

int ExportCommand::run_ics(Context& ctx) {
    app::IcsExportRequest request;
    if (class_) {
        request.kind = app::ViewKind::class_;
        request.who = *class_;
    } else if (teacher_) {
        request.kind = app::ViewKind::teacher;
        request.who = *teacher_;
    } else {
        request.kind = app::ViewKind::room;
        request.who = *room_;
    }
    request.from = date_option("--from", from_);
    request.to = date_option("--to", to_);
    request.out = ics_out_;
    app::IcsExportSummary s = app::export_ics(ctx.session(), request, ctx.out());
    if (!s.without_bell.empty()) {
        ctx.warn(std::to_string(s.without_bell.size()) +
                 " lesson(s) left out: no bell schedule gives their time (" +
                 first_few(s.without_bell) + ")");
    }
    std::string period = domain::format_ru(s.from) + "–" + domain::format_ru(s.to);
    if (s.written == "-") {
        // Standard output holds the calendar itself.
        ctx.note("exported: " + std::to_string(s.events) + " lessons of «" + s.calendar + "», " +
                 period);
        return 0;
    }
    ctx.out() << "exported: " << s.written << '\n'
              << "  calendar   " << s.calendar << '\n'
              << "  period     " << period << '\n'
              << "  events     " << s.events << '\n'
              << "  cancelled  " << s.cancelled << '\n';
    return 0;
}

} // namespace schoolctl::cli
