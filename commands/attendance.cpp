#include "commands/attendance.h"

#include "app/import/attendance.h"
#include "app/journal/attendance_entry.h"
#include "app/journal/attendance_excuse.h"
#include "app/journal/attendance_list.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

std::string absences(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " absence" : " absences");
}

}  // namespace

CommandInfo AttendanceCommand::info() const {
    return {"attendance",
            "Absences and lateness: mark them, list them with totals, excuse them, import them",
            "Journal",
            {"schoolctl attendance mark --pupil S-0001 --subject MATH --date 17.11.2026 --code Н",
             "schoolctl attendance mark --class 5А --subject RUS --date 17.11.2026 --lesson 2 "
             "--pupils \"Абрамова, Быков Ярослав\" --code Н",
             "schoolctl attendance mark --pupil S-0002 --subject MATH --date 17.11.2026 --code ОП "
             "--minutes 10",
             "schoolctl attendance list --class 5А --period Q2",
             "schoolctl attendance excuse --pupil S-0001 --from 16.11.2026 --to 20.11.2026 "
             "--code Б --reason \"справка № 112\"",
             "schoolctl attendance import attendance.csv --dry-run"}};
}

void AttendanceCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    mark_ = app.add_subcommand(
        "mark", "Record an absence or lateness of one pupil, or of several pupils of a lesson");
    mark_->add_option("--pupil", pupil_, "One pupil: id, login or full name");
    mark_->add_option("--class", class_,
                      "Several pupils of the class's lesson (its subgroups' too): 5А");
    mark_->add_option("--group", group_, "Several pupils of the group's lesson");
    mark_->add_option("--pupils", pupils_,
                      "With --class or --group: whom to mark, comma-separated; a surname is "
                      "enough when no one else in the lesson has it")
        ->type_name("LIST");
    mark_->add_option("--subject", subject_, "The lesson's subject: code or name")->required();
    mark_->add_option("--date", date_, "The lesson's day")->required()->type_name("DATE");
    mark_->add_option("--lesson", lesson_, "The lesson number, when the subject comes twice")
        ->check(CLI::Range(0, 15));
    mark_->add_option("--code", code_,
                      "Н (absent), П (valid reason), Б (ill), ОП (late), or present to remove "
                      "the mark (the school's labels; У, О and Latin look-alikes too)")
        ->required();
    mark_->add_option("--minutes", minutes_, "How many minutes late (with ОП)")
        ->type_name("N");
    mark_->add_option("--note", note_, "A note kept with the mark");

    list_ = app.add_subcommand(
        "list", "A pupil's or a class's absences with totals: lessons and days missed, lateness");
    list_->add_option("--pupil", pupil_, "A pupil: id, login or full name");
    list_->add_option("--class", class_, "A class: 5А");
    list_->add_option("--subject", subject_, "Only the lessons of this subject");
    list_->add_option("--from", from_, "First day (default: the academic year's first)")
        ->type_name("DATE");
    list_->add_option("--to", to_, "Last day (default: the academic year's last)")
        ->type_name("DATE");
    list_->add_option("--period", period_, "An attestation period instead of dates: Q1")
        ->type_name("CODE");
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    excuse_ = app.add_subcommand(
        "excuse", "A note arrived: every Н of a pupil in a range of days becomes Б or П");
    excuse_->add_option("--pupil", pupil_, "The pupil: id, login or full name")->required();
    excuse_->add_option("--from", from_, "First day")->required()->type_name("DATE");
    excuse_->add_option("--to", to_, "Last day")->required()->type_name("DATE");
    excuse_->add_option("--code", code_, "Б (ill) or П (valid reason)")->required();
    excuse_->add_option("--reason", reason_, "The note: справка № 112 (kept in the history)");

    import_ = app.add_subcommand(
        "import", "Absences and lateness from a CSV or XLSX journal export, one row per lesson");
    files_.add_cli(*import_);
}

int AttendanceCommand::run(Context& ctx) {
    if (mark_->parsed()) {
        return run_mark(ctx);
    }
    if (list_->parsed()) {
        return run_list(ctx);
    }
    if (excuse_->parsed()) {
        return run_excuse(ctx);
    }
    return run_import(ctx);
}

int AttendanceCommand::run_mark(Context& ctx) {
    app::MarkRequest request;
    request.pupil = pupil_;
    request.class_name = class_;
    request.group = group_;
    request.pupils = pupils_;
    request.subject = *subject_;
    request.date = date_option("--date", date_);
    request.lesson_no = lesson_;
    request.code = code_;
    request.minutes = minutes_;
    request.note = note_;
    for (const auto& m : app::mark_attendance(ctx.session(), request)) {
        std::string what = m.outcome == app::AttendanceOutcome::created ? m.after
                           : m.outcome == app::AttendanceOutcome::unchanged
                               ? m.after + " already, unchanged"
                               : m.before + " → " + m.after;
        ctx.note(m.pupil + ", " + m.lesson + ": " + what);
    }
    return 0;
}

int AttendanceCommand::run_list(Context& ctx) {
    app::AttendanceQuery query;
    query.pupil = pupil_;
    query.class_name = class_;
    query.subject = subject_;
    query.from = date_option("--from", from_);
    query.to = date_option("--to", to_);
    query.period = period_;
    print_document(ctx, app::attendance_list(ctx.session(), query), format_);
    return 0;
}

int AttendanceCommand::run_excuse(Context& ctx) {
    app::ExcuseRequest request{*pupil_, date_option("--from", *from_), date_option("--to", *to_),
                               code_, reason_};
    app::ExcuseResult r = app::excuse_absences(ctx.session(), request);
    const std::string& n = ctx.settings().absence_labels.unexcused;
    for (const auto& lesson : r.changed) {
        ctx.detail(lesson + ": " + n + " → " + r.code);
    }
    std::string range = "from " + domain::format_ru(request.from) + " to " +
                        domain::format_ru(request.to);
    if (r.changed.empty()) {
        ctx.note("nothing to excuse: " + r.pupil + " has no " + n + " " + range +
                 (r.already == 0 ? "" : " (" + absences(r.already) + " excused already)"));
    } else {
        ctx.note(r.pupil + ": " + absences(r.changed.size()) + " " + range + " excused as " +
                 r.code + (r.already == 0 ? "" : "; " + std::to_string(r.already) +
                                                    " more excused already"));
    }
    return 0;
}

int AttendanceCommand::run_import(Context& ctx) {
    auto importer = app::make_attendance_importer();
    app::ImportSummary summary =
        app::run_import(ctx.session(), files_.request(), *importer);
    report_import(ctx, summary, files_.summary_format(), files_.rejects);
    return 0;
}

}  // namespace schoolctl::cli
