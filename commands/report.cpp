#include "commands/report.h"

#include <unistd.h>

#include "app/report_delivery.h"
#include "app/reports/class_list.h"
#include "commands/context.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo ReportCommand::info() const {
    return {"report",
            "Build reports as XLSX, PDF, printable HTML, CSV, JSON or a terminal table",
            "Reports",
            {"schoolctl report class-list --class 5А",
             "schoolctl report class-list --format pdf --out out/",
             "schoolctl report class-list --format xlsx --out class-list.xlsx"}};
}

void ReportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    class_list_ = app.add_subcommand("class-list", "Pupils of each class in alphabetical order");
    class_list_->add_option("--class", class_, "One class, e.g. 5А (default: every class)");
    class_list_->add_flag("--with-birth-dates", birth_dates_,
                          "Add the birth date column (personal data: only when needed)");
    class_list_
        ->add_option("--format", format_,
                     "xlsx, pdf, html, csv, json or table (default: from --out's extension, "
                     "else table)")
        ->type_name("FORMAT");
    class_list_
        ->add_option("--out", out_,
                     "A file, a directory (the file is named after the report), or - for stdout")
        ->type_name("FILE|DIR|-")
        ->capture_default_str();
}

int ReportCommand::run(Context& ctx) {
    formats::ReportFormat format = app::choose_format(format_, out_);
    bool binary = format == formats::ReportFormat::xlsx || format == formats::ReportFormat::pdf;
    if (binary && out_ == "-" && ::isatty(STDOUT_FILENO) == 1) {
        throw Error(ExitCode::usage, "will not write " +
                                         std::string(formats::file_extension(format)) +
                                         " to a terminal; use --out FILE or a pipe");
    }
    app::Session& session = ctx.session();
    report::Document doc = app::build_class_list(session, {class_, birth_dates_});
    std::string written = app::deliver_report(session, doc, {format, out_}, ctx.out());
    if (written != "-") {
        ctx.out() << written << '\n';
    }
    return 0;
}

}  // namespace schoolctl::cli
