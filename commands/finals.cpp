#include "commands/finals.h"

#include <nlohmann/json.hpp>

#include "app/journal/finals_compute.h"
#include "app/journal/finals_explain.h"
#include "app/journal/finals_list.h"
#include "app/journal/finals_override.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "domain/grading.h"
#include "report/listing.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

// « (grade 1 is taught without marks)» after the count of pupils left out.
std::string unmarked_grades(Context& ctx) {
    const auto& grades = ctx.settings().unmarked_grades;
    if (grades.empty()) {
        return "";
    }
    return std::string(grades.size() == 1 ? " (grade " : " (grades ") +
           domain::unmarked_grades_text(ctx.settings()) +
           (grades.size() == 1 ? " is" : " are") + " taught without marks)";
}

}  // namespace

CommandInfo FinalsCommand::info() const {
    return {"finals",
            "Period, year, exam and final marks: compute them from the marks, explain one, set "
            "a teacher's own, list a class, lock a period",
            "Journal",
            {"schoolctl finals compute --period Q1",
             "schoolctl finals compute --period Q2 --class 5А --dry-run",
             "schoolctl finals explain --pupil S-0001 --subject MATH --period Q1",
             "schoolctl finals set --pupil S-0001 --subject MATH --period Q1 --value 5 --reason "
             "\"исправил контрольную\"",
             "schoolctl finals list --class 5А --period Q1 --format csv",
             "schoolctl finals compute --period year",
             "schoolctl finals set --pupil S-0001 --subject MATH --period exam --value 4",
             "schoolctl finals compute --period final",
             "schoolctl finals lock --period Q1"}};
}

void FinalsCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    compute_ = app.add_subcommand(
        "compute", "Compute the period, year or final mark of every pupil in every subject");
    set_ = app.add_subcommand("set", "Set a teacher's own period, year or final mark, or an exam mark (or --clear it)");
    explain_ = app.add_subcommand("explain", "Show how one period, year or final mark comes about");
    list_ = app.add_subcommand("list", "A class's period, year, exam or final marks, pupils × subjects");
    lock_ = app.add_subcommand("lock", "Close a period: no mark of it may change");
    unlock_ = app.add_subcommand("unlock", "Open a locked period again");
    for (CLI::App* sub : {compute_, set_, explain_, list_, lock_, unlock_}) {
        sub->add_option("--period", period_,
                        "A period code of the year (Q1, H2, ...), year, exam (the exam mark, "
                        "entered) or final (from the year and exam marks)")
            ->required()
            ->type_name("PERIOD");
    }
    compute_->add_option("--class", class_, "Only the pupils of one class: 5А");
    compute_->add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    compute_->add_option("--format", format_, "The summary: table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    for (CLI::App* sub : {set_, explain_}) {
        sub->add_option("--pupil", pupil_, "The pupil: id (S-0001), login or full name")
            ->required();
        sub->add_option("--subject", subject_, "The subject: code (MATH) or name")->required();
    }
    auto* what = set_->add_option_group("value", "The mark");
    what->add_option("--value", value_, "The mark on the subject's scale: 5, зач, н/а, осв");
    what->add_flag("--clear", clear_, "Remove the teacher's mark: the computed one counts again");
    what->require_option(1);
    set_->add_option("--reason", reason_, "Why (kept with the mark and in the audit log)");
    explain_->add_option("--format", format_, "Output format: table or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->capture_default_str();

    list_->add_option("--class", class_, "The class: 5А")->required();
    list_->add_option("--format", format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

int FinalsCommand::run(Context& ctx) {
    if (compute_->parsed()) {
        return run_compute(ctx);
    }
    if (set_->parsed()) {
        return run_set(ctx);
    }
    if (explain_->parsed()) {
        print_document(ctx, app::explain_final_mark(ctx.session(), {pupil_, subject_, period_}),
                       format_);
        return 0;
    }
    if (list_->parsed()) {
        print_document(ctx, app::list_final_marks(ctx.session(), {*class_, period_}), format_);
        return 0;
    }
    return run_lock(ctx);
}

int FinalsCommand::run_compute(Context& ctx) {
    app::ComputeSummary s = app::compute_finals(ctx.session(), {period_, class_, dry_run_});
    const auto& p = s.period;
    if (format_ == "json") {
        nlohmann::ordered_json classes = nlohmann::ordered_json::array();
        for (const auto& c : s.classes) {
            classes.push_back({{"class", c.class_name},
                               {"pupils", c.pupils},
                               {"marks", c.marks},
                               {"not_attested", c.not_attested},
                               {"overridden", c.overridden}});
        }
        nlohmann::ordered_json out{{"year", s.year},
                           {"period", p.code},
                           {"from", domain::format_iso(p.dates.start)},
                           {"to", domain::format_iso(p.dates.end)},
                           {"created", s.created},
                           {"updated", s.updated},
                           {"unchanged", s.unchanged},
                           {"removed", s.removed},
                           {"kept", s.kept},
                           {"not_attested", s.not_attested()},
                           {"unmarked", s.unmarked},
                           {"classes", classes},
                           {"dry_run", s.dry_run}};
        if (class_) {
            out["class"] = *class_;
        }
        ctx.out() << out.dump(2) << '\n';
    } else {
        ctx.out() << (s.dry_run ? "would compute: " : "computed: ") << p.label() << ", "
                  << s.year << '\n'
                  << "  created    " << s.created << '\n'
                  << "  updated    " << s.updated << '\n'
                  << "  unchanged  " << s.unchanged << '\n'
                  << "  removed    " << s.removed << '\n'
                  << "  kept       " << s.kept << '\n'
                  << "  unmarked   " << s.unmarked << " pupils" << unmarked_grades(ctx) << '\n';
        report::Document doc = report::listing(
            "finals-summary", "По классам",
            {{"Класс", 6},
             {"Учеников", 9},
             {"Отметок", 8},
             {"н/а", 5},
             {"Выставлено учителем", 10}});
        for (const auto& c : s.classes) {
            report::listing_rows(doc).push_back(
                {c.class_name, static_cast<std::int64_t>(c.pupils),
                 static_cast<std::int64_t>(c.marks), static_cast<std::int64_t>(c.not_attested),
                 static_cast<std::int64_t>(c.overridden)});
        }
        if (!s.classes.empty()) {
            print_document(ctx, doc, "table");
        }
    }
    if (s.kept != 0) {
        ctx.warn(std::to_string(s.kept) + " marks set by teachers were kept although the " +
                 "period no longer has their subject for the pupil; `schoolctl finals set " +
                 "--clear` removes them");
    }
    if (s.created + s.updated + s.removed == 0) {
        ctx.note("nothing changed: every mark is up to date");
    } else if (s.dry_run) {
        ctx.note("dry run: nothing was written");
    }
    return 0;
}

int FinalsCommand::run_set(Context& ctx) {
    app::OverrideRequest request{pupil_, subject_, period_,
                                 clear_ ? std::nullopt : value_, reason_};
    app::OverrideResult r = app::set_final_override(ctx.session(), request);
    std::string what = r.pupil + ", " + r.subject + ", " + r.period + ": ";
    // An exam mark is only ever entered: there is no computed one to compare it with.
    const bool exam = r.period == app::exam_period;
    std::string computed = r.computed.empty() ? "not computed yet" : "computed " + r.computed;
    if (!r.changed) {
        ctx.note(what + (r.new_value ? "already " + *r.new_value
                         : exam      ? std::string("no exam mark")
                                     : std::string("no mark set by a teacher")) +
                 "; nothing changed");
    } else if (r.new_value) {
        ctx.note(what + (r.old_value ? *r.old_value + " → " : "") + *r.new_value +
                 (exam ? "" : " (" + computed + ")"));
    } else if (exam) {
        ctx.note(what + "cleared " + r.old_value.value_or(""));
    } else {
        ctx.note(what + "cleared " + r.old_value.value_or("") + "; the mark is the computed one (" +
                 computed + ")");
    }
    return 0;
}

int FinalsCommand::run_lock(Context& ctx) {
    bool lock = lock_->parsed();
    app::LockResult r = lock ? app::lock_marks_period(ctx.session(), period_)
                             : app::unlock_marks_period(ctx.session(), period_);
    if (!r.changed) {
        ctx.note(r.period + (lock ? " is already locked" : " is not locked") +
                 "; nothing changed");
    } else {
        ctx.note((lock ? "locked: " : "unlocked: ") + r.period);
    }
    return 0;
}

}  // namespace schoolctl::cli
