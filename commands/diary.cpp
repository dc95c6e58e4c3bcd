#include "commands/diary.h"

#include <unistd.h>

#include "app/journal/diary.h"
#include "app/report_delivery.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo DiaryCommand::info() const {
    return {"diary",
            "A pupil's week: lessons with topic and homework, marks, absences and remarks",
            "Journal",
            {"schoolctl diary --pupil S-0001",
             "schoolctl diary --pupil \"Абрамова Дарья\" --week 16.11.2026",
             "schoolctl diary --pupil S-0001 --format pdf --out diary.pdf"}};
}

void DiaryCommand::add_cli(CLI::App& app) {
    app.add_option("--pupil", pupil_, "The pupil: id (S-0001), login or full name")->required();
    app.add_option("--week", week_, "Any day of the week (default: today)")->type_name("DATE");
    app.add_option("--format", format_,
                   "table, pdf, html or json (default: from --out's extension, else table)")
        ->check(CLI::IsMember({"table", "pdf", "html", "json"}))
        ->type_name("FORMAT");
    app.add_option("--out", out_, "A file, a directory (the file is named after the week), or -")
        ->type_name("FILE|DIR|-")
        ->capture_default_str();
}

int DiaryCommand::run(Context& ctx) {
    formats::ReportFormat format = app::choose_format(format_, out_);
    if (format == formats::ReportFormat::csv || format == formats::ReportFormat::xlsx) {
        throw Error(ExitCode::usage, "the diary is written as table, pdf, html or json, not " +
                                         std::string(formats::file_extension(format)));
    }
    if (format == formats::ReportFormat::pdf && out_ == "-" && ::isatty(STDOUT_FILENO) == 1) {
        throw Error(ExitCode::usage, "will not write pdf to a terminal; use --out FILE or a pipe");
    }
    app::Session& session = ctx.session();
    app::DiaryPage page = app::build_diary(
        session, {pupil_, date_option("--week", week_).value_or(today_moscow())});
    std::string written = app::deliver_report(session, page.doc, {format, out_, ctx.stdout_color()}, ctx.out());
    if (written != "-") {
        ctx.out() << written << '\n';
    }
    // Only what reached the guardian counts as seen: receipts follow a successful delivery.
    std::size_t seen = app::record_diary_seen(session, page);
    if (seen != 0) {
        ctx.detail(std::to_string(seen) + " items seen for the first time");
    }
    return 0;
}

}  // namespace schoolctl::cli
