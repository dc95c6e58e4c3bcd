#include "commands/report.h"

#include <unistd.h>

#include "app/report_delivery.h"
#include "app/reports/class_list.h"
#include "app/reports/substitutions.h"
#include "app/reports/timetable_report.h"
#include "app/reports/unseen.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::cli {
CommandInfo ReportCommand::info() const {
    return {"report",
            "Build reports as XLSX, PDF, printable HTML, CSV, JSON or a terminal table",
            "Reports",
            {"schoolctl report class-list --class 5А",
             "schoolctl report class-list --format pdf --out out/",
             "schoolctl report timetable --format pdf --out out/ --week 2026-12-07",
             "schoolctl report timetable --by teacher --format xlsx --out teachers.xlsx",
             "schoolctl report substitutions --month 2026-11 --format xlsx --out out/",
             "schoolctl report unseen --class 5А --from 01.11.2026"}};
}

void ReportCommand::add_output_options(CLI::App& sub) {
    sub.add_option("--format", format_,
                   "xlsx, pdf, html, csv, json or table (default: from --out's extension, else "
                   "table)")
        ->type_name("FORMAT");
    sub.add_option("--out", out_,
                   "A file, a directory (the file is named after the report), or - for stdout")
        ->type_name("FILE|DIR|-")
        ->capture_default_str();
}

void ReportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    class_list_ = app.add_subcommand("class-list", "Pupils of each class in alphabetical order");
    class_list_->add_option("--class", class_, "One class, e.g. 5А (default: every class)");
    class_list_->add_flag("--with-birth-dates", birth_dates_,
                          "Add the birth date column (personal data: only when needed)");
    add_output_options(*class_list_);

    timetable_ = app.add_subcommand(
        "timetable", "A week of the timetable, a page per class, teacher or room, to print");
    auto* who = timetable_->add_option_group("whose", "Whose timetable (default: every class)");
    who->add_option("--class", class_, "One class: 5А");
    who->add_option("--teacher", teacher_, "One teacher: login, staff id or full name");
    who->add_option("--room", room_, "One room: 204");
    who->add_option("--by", by_, "Every class, teacher or room")
        ->check(CLI::IsMember({"class", "teacher", "room"}));
    who->require_option(0, 1);
    timetable_->add_option("--week", week_, "Any day of the week (default: today)")
        ->type_name("DATE");
    add_output_options(*timetable_);

    substitutions_ = app.add_subcommand(
        "substitutions", "Hours taught as a substitute per teacher, and cancelled lessons");
    substitutions_->add_option("--month", month_, "YYYY-MM or MM.YYYY (default: this month)")
        ->type_name("MONTH");
    add_output_options(*substitutions_);

    unseen_ = app.add_subcommand(
        "unseen", "Marks and remarks of a class that no guardian has seen in the diary yet");
    unseen_->add_option("--class", class_, "The class: 5А")->required();
    unseen_->add_option("--from", from_, "First day (default: the year's first)")
        ->type_name("DATE");
    unseen_->add_option("--to", to_, "Last day (default: the year's last)")->type_name("DATE");
    add_output_options(*unseen_);
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
    report::Document doc;
    if (timetable_->parsed()) {
        app::TimetableReportRequest request;
        request.week = date_option("--week", week_).value_or(today_moscow());
        if (class_) {
            request.who = class_;
        } else if (teacher_) {
            request.by = app::TimetableBy::teacher;
            request.who = teacher_;
        } else if (room_) {
            request.by = app::TimetableBy::room;
            request.who = room_;
        } else {
            request.by = by_ == "teacher" ? app::TimetableBy::teacher
                         : by_ == "room"  ? app::TimetableBy::room
                                          : app::TimetableBy::class_;
        }
        doc = app::build_timetable_report(session, request);
    } else if (unseen_->parsed()) {
        doc = app::build_unseen_report(
            session, {*class_, date_option("--from", from_), date_option("--to", to_)});
    } else if (substitutions_->parsed()) {
        doc = app::build_substitutions_report(session, month_option("--month", month_));
    } else {
        doc = app::build_class_list(session, {class_, birth_dates_});
    }
    std::string written = app::deliver_report(session, doc, {format, out_, ctx.stdout_color()}, ctx.out());
    if (written != "-") {
        ctx.out() << written << '\n';
    }
    return 0;
}

}  // namespace schoolctl::cli
