#include "commands/schedule.h"

#include <nlohmann/json.hpp>

#include "app/lesson_changes.h"
#include "app/schedule_check.h"
#include "app/schedule_generate.h"
#include "app/schedule_view.h"
#include "commands/context.h"
#include "commands/date_options.h"
#include "commands/listing.h"
#include "report/listing.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::cli {
CommandInfo ScheduleCommand::info() const {
    return {"schedule",
            "The dated lessons of the year: expand the timetable, show a week, check it, and "
            "substitute, cancel or move single lessons",
            "Timetable",
            {"schoolctl schedule generate",
             "schoolctl schedule generate --from 11.01.2027 --dry-run",
             "schoolctl schedule show --class 5А --week 2026-12-07",
             "schoolctl schedule show --teacher T-0007",
             "schoolctl schedule substitute --date 14.01.2027 --lesson 3 --class 5А --teacher "
             "T-0002 --reason болезнь",
             "schoolctl schedule move --date 14.01.2027 --lesson 3 --class 5А --to-lesson 6"}};
}

void ScheduleCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    generate_ = app.add_subcommand(
        "generate", "Expand the timetable rules into the lessons of the academic year");
    generate_->add_option("--from", from_, "First day to expand (default: the year's first)")
        ->type_name("DATE");
    generate_->add_option("--to", to_, "Last day to expand (default: the year's last)")
        ->type_name("DATE");
    generate_->add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    generate_->add_option("--format", format_, "The summary: table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    show_ = app.add_subcommand("show", "A week of lessons for a class, a teacher or a room");
    auto* who = show_->add_option_group("whose", "Whose timetable");
    who->add_option("--class", class_, "A class: 5А (with its subgroups)");
    who->add_option("--teacher", teacher_, "A teacher: login, staff id or full name");
    who->add_option("--room", room_, "A room, as the timetable names it: 204");
    who->require_option(1);
    show_->add_option("--week", week_, "Any day of the week (default: today)")->type_name("DATE");
    show_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    check_ = app.add_subcommand(
        "check", "Double bookings, SanPiN loads, lessons outside the bells; exit 1 if any");
    check_->add_option("--from", from_, "First day to check (default: the year's first)")
        ->type_name("DATE");
    check_->add_option("--to", to_, "Last day to check (default: the year's last)")
        ->type_name("DATE");
    check_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();

    substitute_ = app.add_subcommand("substitute", "Another teacher gives a lesson (замена)");
    cancel_ = app.add_subcommand("cancel", "A lesson does not take place");
    move_ = app.add_subcommand("move", "A lesson moves to another day, lesson or room");
    restore_ = app.add_subcommand(
        "restore", "Undo a substitution, cancellation or move: back to the timetable");
    for (CLI::App* sub : {substitute_, cancel_, move_, restore_}) {
        sub->add_option("--date", date_, "The lesson's day")->required()->type_name("DATE");
        sub->add_option("--lesson", lesson_, "The lesson's number that day")
            ->required()
            ->check(CLI::Range(0, 15));
        sub->add_option("--class", class_, "The class: 5А (a subgroup's lessons count too)");
        sub->add_option("--group", group_, "The group, for a subgroup or stream lesson");
        sub->add_option("--subject", subject_, "The subject, when two lessons share the slot");
        sub->add_option("--reason", reason_, "Why: болезнь, курсы, ... (kept in the history)");
    }
    substitute_->add_option("--teacher", substitute_teacher_,
                            "The substitute: login, staff id or full name")
        ->required();
    move_->add_option("--to-date", to_date_, "The new day")->type_name("DATE");
    move_->add_option("--to-lesson", to_lesson_, "The new lesson number")
        ->check(CLI::Range(0, 15));
    move_->add_option("--to-room", to_room_, "The new room");
}

int ScheduleCommand::run(Context& ctx) {
    if (generate_->parsed()) {
        return run_generate(ctx);
    }
    if (show_->parsed()) {
        return run_show(ctx);
    }
    if (check_->parsed()) {
        return run_check(ctx);
    }
    return run_change(ctx);
}

int ScheduleCommand::run_check(Context& ctx) {
    app::CheckRequest request{date_option("--from", from_), date_option("--to", to_)};
    app::CheckResult r = app::check_schedule(ctx.session(), request);
    report::Document doc = report::listing(
        "schedule-check",
        "Проверка расписания " + domain::format_ru(r.from) + "–" + domain::format_ru(r.to),
        {{"Kind", 10}, {"Finding", 60}, {"Rules", 30}, {"First", 11}, {"Dates", 6}});
    for (const auto& f : r.findings) {
        std::string rules;
        for (const auto& rule : f.rules) {
            rules += (rules.empty() ? "" : ", ") + rule;
        }
        report::listing_rows(doc).push_back({f.kind, f.text, rules, f.dates.front(),
                                             static_cast<std::int64_t>(f.dates.size())});
    }
    if (!r.findings.empty() || format_ != "table") {
        print_document(ctx, doc, format_);
    }
    if (r.findings.empty()) {
        ctx.note("ok: " + std::to_string(r.lessons) + " lessons of " + r.year + " checked, " +
                 domain::format_ru(r.from) + "–" + domain::format_ru(r.to) + "; no findings");
        return 0;
    }
    ctx.note(std::to_string(r.findings.size()) + " findings in " + std::to_string(r.lessons) +
             " lessons");
    return 1;
}

int ScheduleCommand::run_change(Context& ctx) {
    app::LessonSelector which{date_option("--date", date_), lesson_, class_.value_or(""), group_,
                              subject_};
    app::Session& session = ctx.session();
    app::ChangeResult r;
    if (substitute_->parsed()) {
        r = app::substitute_lesson(session, which, substitute_teacher_, reason_);
    } else if (cancel_->parsed()) {
        r = app::cancel_lesson(session, which, reason_);
    } else if (move_->parsed()) {
        app::MoveTo to{date_option("--to-date", to_date_), to_lesson_, to_room_};
        r = app::move_lesson(session, which, to, reason_);
    } else {
        r = app::restore_lesson(session, which, reason_);
    }
    ctx.note(r.lesson + ": " + r.change);
    return 0;
}

int ScheduleCommand::run_generate(Context& ctx) {
    app::GenerateRequest request;
    request.from = date_option("--from", from_);
    request.to = date_option("--to", to_);
    request.dry_run = dry_run_;
    app::GenerateSummary s = app::generate_schedule(ctx.session(), request);
    for (const auto& c : s.conflicts) {
        ctx.warn(c.lesson + " (rule from " + c.rule + "): " + c.reason);
    }
    if (format_ == "json") {
        nlohmann::json conflicts = nlohmann::json::array();
        for (const auto& c : s.conflicts) {
            conflicts.push_back({{"lesson", c.lesson}, {"rule", c.rule}, {"reason", c.reason}});
        }
        ctx.out() << nlohmann::json{{"year", s.year},
                                    {"from", domain::format_iso(s.from)},
                                    {"to", domain::format_iso(s.to)},
                                    {"rules", s.rules},
                                    {"created", s.created},
                                    {"updated", s.updated},
                                    {"deleted", s.deleted},
                                    {"unchanged", s.unchanged},
                                    {"conflicts", conflicts},
                                    {"dry_run", s.dry_run}}
                         .dump(2)
                  << '\n';
    } else {
        ctx.out() << (s.dry_run ? "would expand: " : "expanded: ") << s.rules << " rules, "
                  << domain::format_ru(s.from) << "–" << domain::format_ru(s.to) << " ("
                  << s.year << ")\n"
                  << "  created    " << s.created << '\n'
                  << "  updated    " << s.updated << '\n'
                  << "  deleted    " << s.deleted << '\n'
                  << "  unchanged  " << s.unchanged << '\n'
                  << "  kept       " << s.conflicts.size() << '\n';
    }
    if (s.created + s.updated + s.deleted == 0) {
        ctx.note("nothing changed: every lesson is in place");
    } else if (s.dry_run) {
        ctx.note("dry run: nothing was written");
    }
    return 0;
}

int ScheduleCommand::run_show(Context& ctx) {
    app::ViewRequest request;
    request.week = week_ ? date_option("--week", *week_) : today_moscow();
    if (class_) {
        request.kind = app::ViewKind::class_;
        request.who = {*class_};
    } else if (teacher_) {
        request.kind = app::ViewKind::teacher;
        request.who = {*teacher_};
    } else {
        request.kind = app::ViewKind::room;
        request.who = {*room_};
    }
    print_document(ctx, app::week_timetable(ctx.session(), request), format_);
    return 0;
}

}  // namespace schoolctl::cli
