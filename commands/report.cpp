#include "commands/report.h"

#include <unistd.h>

#include "app/report_delivery.h"
#include "app/reports/at_risk.h"
#include "app/reports/attendance_report.h"
#include "app/reports/class_list.h"
#include "app/reports/class_summary.h"
#include "app/reports/custom_report.h"
#include "app/reports/journal_spread.h"
#include "app/reports/performance.h"
#include "app/reports/report_all.h"
#include "app/reports/report_card.h"
#include "app/reports/report_scope.h"
#include "app/reports/school_summary.h"
#include "app/reports/substitutions.h"
#include "app/reports/timetable_report.h"
#include "app/reports/unseen.h"
#include "commands/context.h"
#include "commands/progress_bar.h"
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
             "schoolctl report unseen --class 5А --from 01.11.2026",
             "schoolctl report performance --period Q1 --all-classes --format xlsx --out out/",
             "schoolctl report attendance --class 5А --from 01.11.2026 --to 30.11.2026",
             "schoolctl report class-summary --period current --class 5А --format pdf --out out/",
             "schoolctl report report-card --class 5А --period year --format pdf --out cards/ --split"}};
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

void ReportCommand::add_scope_options(CLI::App& sub) {
    auto* which = sub.add_option_group("classes", "Which classes (default: every class)");
    which->add_option("--class", class_, "One class: 5А");
    which->add_option("--parallel", parallel_, "Every class of a grade: 5")
        ->type_name("GRADE")
        ->check(CLI::Range(1, 11));
    which->add_flag("--all-classes", all_classes_, "Every class of the school (the default)");
    which->require_option(0, 1);
    sub.add_option("--period", period_,
                   "A period code (Q1), current (the period today is in) or year; the default "
                   "is current")
        ->type_name("PERIOD");
    sub.add_option("--from", from_, "First day, with --to, instead of a period")
        ->type_name("DATE");
    sub.add_option("--to", to_, "Last day, with --from")->type_name("DATE");
    sub.add_option("--lang", lang_,
                   "ru (the forms' language) or en; default: reports.language, else ru")
        ->check(CLI::IsMember({"ru", "en"}));
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

    performance_ = app.add_subcommand(
        "performance",
        "Сводная ведомость: each class's pupils × subjects with period (and year) marks, "
        "absences and each subject's indicators");
    add_scope_options(*performance_);
    add_output_options(*performance_);

    attendance_ = app.add_subcommand(
        "attendance",
        "Lessons and days missed per pupil and class (ill, excused, unexcused), lateness, share "
        "of lessons missed");
    add_scope_options(*attendance_);
    attendance_->add_option("--threshold", threshold_,
                            "Highlight pupils who missed at least this % of their lessons")
        ->type_name("PERCENT")
        ->check(CLI::Range(0, 100))
        ->capture_default_str();
    add_output_options(*attendance_);

    class_summary_ = app.add_subcommand(
        "class-summary",
        "The class teacher's period report: headcount, attestation, отличники … неуспевающие, "
        "успеваемость, качество, средний балл, СОУ, attendance");
    add_scope_options(*class_summary_);
    class_summary_->add_option("--basis", basis_,
                               "pupils (each pupil by their worst mark, the default) or marks "
                               "(every period mark)")
        ->check(CLI::IsMember({"pupils", "marks"}))
        ->capture_default_str();
    add_output_options(*class_summary_);

    school_summary_ = app.add_subcommand(
        "school-summary",
        "The school's indicators per class, parallel, subject and teacher, and their trend "
        "over the periods, with charts");
    add_scope_options(*school_summary_);
    school_summary_->add_option("--basis", basis_, "pupils (the default) or marks")
        ->check(CLI::IsMember({"pupils", "marks"}))
        ->capture_default_str();
    add_output_options(*school_summary_);

    journal_page_ = app.add_subcommand(
        "journal-page",
        "The classroom journal spread of a subject and class: pupils × lesson dates with marks "
        "and «н», and the dates with topics and homework");
    add_scope_options(*journal_page_);
    journal_page_->add_option("--subject", subject_, "The subject: code or name")->required();
    journal_page_->add_option("--group", group_,
                              "One of the class's groups, for a subject taught in groups");
    add_output_options(*journal_page_);

    custom_ = app.add_subcommand(
        "custom",
        "A report defined in a TOML file: columns from the catalogue (schoolctl-report(1)), "
        "conditions, a section per class, the order");
    custom_->add_option("FILE", spec_file_, "The report's definition (.toml)")
        ->required()
        ->type_name("FILE");
    add_scope_options(*custom_);
    add_output_options(*custom_);

    all_ = app.add_subcommand(
        "all",
        "Every standard report of a period for every class into one directory, for cron: "
        "performance, attendance, class and school summaries, at-risk (XLSX, PDF), report cards");
    add_scope_options(*all_);
    all_->add_option("--out", out_,
                     "The directory (made if missing); strftime's %Y, %m, %d … give the date")
        ->type_name("DIR")
        ->required();
    all_->add_option("--threshold", threshold_, "As for report attendance")
        ->type_name("PERCENT")
        ->check(CLI::Range(0, 100))
        ->capture_default_str();
    all_->add_option("--basis", basis_, "As for report class-summary")
        ->check(CLI::IsMember({"pupils", "marks"}))
        ->capture_default_str();
    all_->add_option("--threads", threads_, "Reports rendered at once (default: one per core)")
        ->type_name("N")
        ->check(CLI::Range(1, 64));

    report_card_ = app.add_subcommand(
        "report-card",
        "Табель: each pupil's subjects × period and year marks, absences and remarks, a "
        "section (page, sheet) per pupil");
    add_scope_options(*report_card_);
    report_card_->add_flag("--split", split_,
                           "Also write one file per pupil into the --out directory");
    add_output_options(*report_card_);

    at_risk_ = app.add_subcommand(
        "at-risk",
        "Early warning for a period in progress: heading for «н/а» or a 2, too many absences "
        "in a month, absent days in a row; each with the reason");
    add_scope_options(*at_risk_);
    at_risk_->add_option("--threshold", threshold_,
                         "A month's lessons missed, in %, that counts as too many")
        ->type_name("PERCENT")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    at_risk_->add_option("--days", run_days_, "School days missed in a row that count")
        ->type_name("N")
        ->check(CLI::Range(1, 100))
        ->capture_default_str();
    add_output_options(*at_risk_);
}

int ReportCommand::run_all(Context& ctx) {
    if (from_ || to_) {
        throw Error(ExitCode::usage, "report all writes a period's reports: use --period (Q1, "
                                     "current, year), not --from/--to");
    }
    app::Session& session = ctx.session();
    app::ReportAllRequest r;
    r.scope.klass = class_;
    r.scope.parallel = parallel_;
    r.scope.period = period_;
    r.scope.from = date_option("--from", from_);
    r.scope.to = date_option("--to", to_);
    std::string lang = lang_.value_or(session.settings().report_language);
    r.scope.lang = lang == "en" ? app::ReportLang::en : app::ReportLang::ru;
    r.out_dir = app::expand_time_pattern(out_, now_seconds());
    r.threads = threads_;
    r.attendance.threshold_percent = threshold_;
    r.summary.basis = basis_ == "marks" ? app::IndicatorBasis::marks : app::IndicatorBasis::pupils;
    std::unique_ptr<ProgressBar> bar;
    std::mutex bar_mutex;
    auto progress = [&](std::size_t done, std::size_t total) {
        std::lock_guard lock(bar_mutex);
        if (!bar) {
            bar = std::make_unique<ProgressBar>(ctx.err(), "reports", total, ctx.show_progress());
        }
        bar->update(done);
    };
    auto files = app::build_all_reports(session, r, progress);
    if (bar) {
        bar->finish();
    }
    std::size_t failures = 0;
    for (const auto& f : files) {
        if (f.error.empty()) {
            ctx.out() << f.path << '\n';
        } else {
            ++failures;
            ctx.err() << "schoolctl: report all: " << f.path << ": " << f.error << '\n';
        }
    }
    if (failures > 0) {
        ctx.err() << "schoolctl: report all: " << failures << " of " << files.size()
                  << " reports failed; the others were written to " << r.out_dir << '\n';
        return static_cast<int>(ExitCode::failure);
    }
    return 0;
}

int ReportCommand::run(Context& ctx) {
    if (all_->parsed()) {
        return run_all(ctx);
    }
    formats::ReportFormat format = app::choose_format(format_, out_);
    bool binary = format == formats::ReportFormat::xlsx || format == formats::ReportFormat::pdf;
    if (binary && out_ == "-" && ::isatty(STDOUT_FILENO) == 1) {
        throw Error(ExitCode::usage, "will not write " +
                                         std::string(formats::file_extension(format)) +
                                         " to a terminal; use --out FILE or a pipe");
    }
    app::Session& session = ctx.session();
    report::Document doc;
    auto scope = [&] {
        app::ReportScopeRequest r;
        r.klass = class_;
        r.parallel = parallel_;
        r.period = period_;
        r.from = date_option("--from", from_);
        r.to = date_option("--to", to_);
        std::string lang = lang_.value_or(session.settings().report_language);
        r.lang = lang == "en" ? app::ReportLang::en : app::ReportLang::ru;
        return app::resolve_report_scope(session, r);
    };
    if (performance_->parsed()) {
        doc = app::build_performance_report(session, scope());
    } else if (attendance_->parsed()) {
        doc = app::build_attendance_report(session, scope(), {threshold_});
    } else if (class_summary_->parsed()) {
        doc = app::build_class_summary(
            session, scope(),
            {basis_ == "marks" ? app::IndicatorBasis::marks : app::IndicatorBasis::pupils});
    } else if (custom_->parsed()) {
        formats::CustomReportSpec spec = formats::read_custom_report_spec(spec_file_);
        doc = app::build_custom_report(session, scope(), spec);
    } else if (journal_page_->parsed()) {
        doc = app::build_journal_spread(session, scope(), {subject_, group_});
    } else if (school_summary_->parsed()) {
        doc = app::build_school_summary(
            session, scope(),
            {basis_ == "marks" ? app::IndicatorBasis::marks : app::IndicatorBasis::pupils});
    } else if (at_risk_->parsed()) {
        app::AtRiskOptions options;
        options.absence_percent = threshold_;
        options.consecutive_days = run_days_;
        doc = app::build_at_risk_report(session, scope(), options);
    } else if (report_card_->parsed()) {
        app::ReportCards cards = app::build_report_cards(session, scope());
        if (split_) {
            for (const auto& path : app::deliver_sections(session, cards.document,
                                                          cards.file_keys, {format, out_})) {
                ctx.out() << path << '\n';
            }
        }
        doc = std::move(cards.document);
    } else if (timetable_->parsed()) {
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
    std::string written =
        app::deliver_report(session, doc, {format, out_, ctx.stdout_color()}, ctx.out());
    if (written != "-") {
        ctx.out() << written << '\n';
    }
    return 0;
}

}  // namespace schoolctl::cli
