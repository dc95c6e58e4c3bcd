#include "commands/marks.h"

#include "app/import/marks.h"
#include "app/journal/marks_entry.h"
#include "app/journal/marks_list.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"
#include "util/error.h"

namespace schoolctl::cli {

CommandInfo MarksCommand::info() const {
    return {"marks",
            "Marks of the journal: give, list, correct and remove them, import a file of them",
            "Journal",
            {"schoolctl marks add --pupil S-0001 --subject MATH --date 17.11.2026 --value 5",
             "schoolctl marks add --pupil \"Абрамова Дарья\" --subject RUS --date 17.11.2026 "
             "--value 4/3 --work-type test --lesson 2",
             "schoolctl marks list --class 5А --subject MATH --period Q2",
             "schoolctl marks list --pupil S-0001 --format csv",
             "schoolctl marks correct --id 1207 --value 4 --reason \"пересдача\"",
             "schoolctl marks remove --id 1207 --reason \"поставлена по ошибке\"",
             "schoolctl marks import marks.csv --dry-run --rejects fix-me.csv"}};
}

void MarksCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    add_ = app.add_subcommand("add", "Give a pupil a mark in a lesson");
    add_->add_option("--pupil", pupil_, "The pupil: id, login or full name (a class after the "
                                        "name tells namesakes apart)")
        ->required();
    add_->add_option("--subject", subject_, "The lesson's subject: code or name")->required();
    add_->add_option("--date", date_, "The lesson's day")->required()->type_name("DATE");
    add_->add_option("--value", value_, "The mark on the subject's scale: 5, 4/3, зач")
        ->required();
    add_->add_option("--work-type", work_type_,
                     "What the mark is for: a work type's code or name (default: "
                     "marks.default_work_type)")
        ->type_name("TYPE");
    add_->add_option("--lesson", lesson_, "The lesson number, when the subject comes twice")
        ->check(CLI::Range(0, 15));
    add_->add_option("--comment", comment_, "A comment kept with the mark");

    list_ = app.add_subcommand("list", "A pupil's or a class's marks");
    auto* whose = list_->add_option_group("whose", "Whose marks");
    whose->add_option("--pupil", pupil_, "A pupil: id, login or full name");
    whose->add_option("--class", class_, "A class: 5А (its pupils on each lesson's day)");
    whose->require_option(1);
    list_->add_option("--subject", subject_, "Only this subject: code or name");
    list_->add_option("--from", from_, "First day (default: the academic year's first)")
        ->type_name("DATE");
    list_->add_option("--to", to_, "Last day (default: the academic year's last)")
        ->type_name("DATE");
    list_->add_option("--period", period_, "An attestation period instead of dates: Q1")
        ->type_name("CODE")
        ->excludes(list_->get_option("--from"))
        ->excludes(list_->get_option("--to"));
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    correct_ = app.add_subcommand("correct", "Change the value of a mark (kept in its history)");
    correct_->add_option("--id", id_, "The mark's id (marks list shows it)")
        ->required()
        ->type_name("N");
    correct_->add_option("--value", value_, "The new value")->required();
    correct_->add_option("--reason", reason_, "Why: пересдача, ошибка (kept in the history)");

    remove_ = app.add_subcommand("remove", "Take a mark back (kept in its history)");
    remove_->add_option("--id", id_, "The mark's id (marks list shows it)")
        ->required()
        ->type_name("N");
    remove_->add_option("--reason", reason_, "Why (kept in the history)")->required();

    import_ = app.add_subcommand(
        "import", "Marks from a CSV, XLSX or TOML file: pupil, subject, date, value, work type");
    files_.add_cli(*import_);
}

int MarksCommand::run(Context& ctx) {
    if (add_->parsed()) {
        return run_add(ctx);
    }
    if (list_->parsed()) {
        return run_list(ctx);
    }
    if (correct_->parsed()) {
        return run_correct(ctx);
    }
    if (remove_->parsed()) {
        return run_remove(ctx);
    }
    return run_import(ctx);
}

int MarksCommand::run_add(Context& ctx) {
    app::AddMark request;
    request.pupil = *pupil_;
    request.subject = *subject_;
    request.date = date_option("--date", date_);
    request.value = value_;
    request.work_type = work_type_;
    request.lesson_no = lesson_;
    request.comment = comment_;
    app::MarkDone done = app::add_mark(ctx.session(), request);
    ctx.note("mark " + std::to_string(done.mark_id) + ": " + done.pupil + ", " + done.lesson +
             ": " + done.change);
    return 0;
}

int MarksCommand::run_list(Context& ctx) {
    app::MarkListRequest request;
    request.pupil = pupil_;
    request.class_name = class_;
    request.subject = subject_;
    request.from = date_option("--from", from_);
    request.to = date_option("--to", to_);
    request.period = period_;
    print_document(ctx, app::list_marks(ctx.session(), request), format_);
    return 0;
}

int MarksCommand::run_correct(Context& ctx) {
    app::MarkDone done = app::correct_mark(ctx.session(), id_, value_, reason_);
    ctx.note("mark " + std::to_string(done.mark_id) + ": " + done.pupil + ", " + done.lesson +
             ": " + done.change);
    return 0;
}

int MarksCommand::run_remove(Context& ctx) {
    app::MarkDone done = app::remove_mark(ctx.session(), id_, reason_);
    ctx.note("mark " + std::to_string(done.mark_id) + ": " + done.pupil + ", " + done.lesson +
             ": " + done.change);
    return 0;
}

int MarksCommand::run_import(Context& ctx) {
    auto importer = app::make_marks_importer();
    app::ImportSummary summary = app::run_import(ctx.session(), files_.request(), *importer);
    report_import(ctx, summary, files_.summary_format(), files_.rejects);
    return 0;
}

}  // namespace schoolctl::cli
