#include "commands/lesson.h"

#include "app/journal/lesson_notes.h"
#include "app/journal/lesson_page.h"
#include "app/journal/remarks.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"

namespace schoolctl::cli {
namespace {

// Which lesson: the class or group, the subject, the day and, if needed, the number.
void add_page_options(CLI::App& sub, std::optional<std::string>& klass,
                      std::optional<std::string>& group, std::optional<std::string>& subject,
                      std::string& date, std::optional<int>& lesson) {
    sub.add_option("--class", klass, "The class: 5А (its subgroups' lessons too)");
    sub.add_option("--group", group, "Or the group: «5А англ. 1», a stream, an elective");
    sub.add_option("--subject", subject, "The subject: code or name")->required();
    sub.add_option("--date", date, "The lesson's day")->required()->type_name("DATE");
    sub.add_option("--lesson", lesson, "The lesson number, when the subject comes twice")
        ->check(CLI::Range(0, 15));
}

}  // namespace

CommandInfo LessonCommand::info() const {
    return {"lesson",
            "A lesson's page of the journal: its topic, the homework, remarks about pupils, and "
            "who was absent",
            "Journal",
            {"schoolctl lesson topic --class 5А --subject MATH --date 17.11.2026 --text "
             "\"Сложение дробей\"",
             "schoolctl lesson homework --class 5А --subject MATH --date 17.11.2026 --text "
             "\"№ 245, 247\" --file worksheet.pdf",
             "schoolctl lesson remark --pupil S-0003 --date 17.11.2026 --subject MATH --text "
             "\"Отлично работал у доски\"",
             "schoolctl lesson show --group \"5А англ. 1\" --subject ENG --date 17.11.2026"}};
}

void LessonCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    topic_ = app.add_subcommand("topic", "What the lesson was about");
    homework_ = app.add_subcommand("homework", "What the lesson set, with a file if there is one");
    show_ = app.add_subcommand("show", "A lesson: topic, homework, who was absent or late, "
                                       "remarks");
    for (CLI::App* sub : {topic_, homework_, show_}) {
        add_page_options(*sub, class_, group_, subject_, date_, lesson_);
    }
    topic_->add_option("--text", text_, "The topic (empty to clear it)")->required();
    homework_->add_option("--text", text_, "The homework (empty to clear it)")->required();
    homework_->add_option("--file", file_,
                          "A file given with it: its path, size and SHA-256 are recorded")
        ->type_name("PATH");
    show_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    remark_ = app.add_subcommand("remark", "A remark about a pupil, on a day or at a lesson");
    remark_->add_option("--pupil", pupil_, "The pupil: id, login or full name")->required();
    remark_->add_option("--date", date_, "The day")->required()->type_name("DATE");
    remark_->add_option("--subject", subject_, "At the pupil's lesson of this subject that day");
    remark_->add_option("--lesson", lesson_, "The lesson number, when the subject comes twice")
        ->check(CLI::Range(0, 15));
    remark_->add_option("--text", text_, "The remark")->required();
}

int LessonCommand::run(Context& ctx) {
    if (remark_->parsed()) {
        return run_remark(ctx);
    }
    if (show_->parsed()) {
        return run_show(ctx);
    }
    return run_note(ctx);
}

int LessonCommand::run_note(Context& ctx) {
    app::LessonNoteRequest request;
    request.page = {class_, group_, *subject_, date_option("--date", date_), lesson_};
    request.text = text_;
    request.file = file_;
    const bool topic = topic_->parsed();
    app::LessonNoteResult r = topic ? app::set_lesson_topic(ctx.session(), request)
                                    : app::set_lesson_homework(ctx.session(), request);
    const std::string what = topic ? "topic" : "homework";
    ctx.note(r.lesson + ": " + what + (r.changed ? " saved" : " unchanged"));
    return 0;
}

int LessonCommand::run_remark(Context& ctx) {
    app::RemarkRequest request{*pupil_, date_option("--date", date_), subject_, lesson_, text_};
    app::RemarkResult r = app::add_remark(ctx.session(), request);
    ctx.note("remark " + std::to_string(r.id) + " about " + r.pupil + ", " + r.where);
    return 0;
}

int LessonCommand::run_show(Context& ctx) {
    app::PageQuery query{class_, group_, *subject_, date_option("--date", date_), lesson_};
    print_document(ctx, app::lesson_page(ctx.session(), query), format_);
    return 0;
}

}  // namespace schoolctl::cli
