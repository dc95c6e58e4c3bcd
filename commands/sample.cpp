#include "commands/sample.h"

#include "app/sample/generate.h"
#include "commands/context.h"
#include "commands/progress_bar.h"

#include <chrono>
#include <iomanip>
#include <optional>
#include <sstream>

namespace schoolctl::cli {
namespace {

std::string seconds(std::chrono::steady_clock::duration d) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(1) << std::chrono::duration<double>(d).count() << " s";
    return out.str();
}

void print_school(std::ostream& out, const app::sample::SchoolSummary& s,
                  const std::string& period) {
    const auto& j = s.journal;
    out << "  " << s.name << " (" << s.external_id << "): " << s.pupils << " pupils in "
        << s.classes << " classes, " << s.groups << " groups, " << s.guardians << " guardians, "
        << s.staff << " staff; " << s.timetable_rows << " timetable rows";
    if (period != "none") {
        out << "; " << period << ": " << j.lessons << " lessons, " << j.marks << " marks, "
            << (j.ill + j.unexcused + j.excused + j.late) << " attendance rows";
    }
    out << '\n';
}

} // namespace

CommandInfo SampleCommand::info() const {
    return {"sample",
            "Generate a synthetic school or district as files to import: roster, timetable, "
            "config, a term of marks and attendance",
            "Setup",
            {"schoolctl sample generate --pupils 600 --out demo/",
             "schoolctl sample generate --pupils 2000 --period year --seed 7 --out bench/",
             "schoolctl sample generate --pupils 200000 --schools 100 --out district/"}};
}

void SampleCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    CLI::App* generate = app.add_subcommand(
        "generate", "Write a realistic synthetic school (or district) as the files a school "
                    "imports");
    generate->add_option("--pupils", pupils_, "Pupils in all (a district shares them)")
        ->required()
        ->type_name("N");
    generate
        ->add_option("--schools", schools_,
                     "Schools: more than 1 writes DIR/school-001/ … of varying size")
        ->type_name("M")
        ->capture_default_str();
    generate->add_option("--seed", seed_, "The same seed writes the same bytes")
        ->type_name("S")
        ->capture_default_str();
    generate
        ->add_option("--period", period_,
                     "The days with marks and attendance: a quarter (Q1 … Q4), year, or none")
        ->check(CLI::IsMember(app::sample::sample_periods()))
        ->type_name("PERIOD")
        ->capture_default_str();
    generate
        ->add_option("--out", out_,
                     "The folder to write (created if missing; its parent must exist)")
        ->required()
        ->type_name("DIR");
    generate->add_flag("--force", force_,
                       "Write into a folder that is not empty, replacing files of the same names");
    generate->add_option("--threads", threads_, "Schools written at once (default: one per core)")
        ->type_name("N");
}

int SampleCommand::run(Context& ctx) {
    app::sample::SampleRequest request;
    request.pupils = pupils_;
    request.schools = schools_;
    request.seed = seed_;
    request.period = period_;
    request.out = out_;
    request.force = force_;
    request.threads = threads_;
    const auto started = std::chrono::steady_clock::now();
    std::optional<ProgressBar> bar;
    if (schools_ > 1) {
        bar.emplace(ctx.err(), "sample generate", static_cast<std::size_t>(schools_),
                    ctx.show_progress());
    }
    const auto summary = app::sample::generate_sample(request, [&](std::size_t done, std::size_t) {
        if (bar) {
            bar->update(done);
        }
    });
    if (bar) {
        bar->finish();
    }
    long pupils = 0, marks = 0;
    for (const auto& s : summary.schools) {
        pupils += s.pupils;
        marks += s.journal.marks;
    }
    auto& out = ctx.out();
    out << "generated: " << summary.out.string() << " (" << summary.schools.size()
        << (summary.schools.size() == 1 ? " school, " : " schools, ") << pupils << " pupils, ";
    if (summary.journal) {
        out << marks << " marks, " << summary.period << " "
            << domain::format_ru(summary.journal->start) << "–"
            << domain::format_ru(summary.journal->end) << ")\n";
    } else {
        out << "no journal)\n";
    }
    for (const auto& s : summary.schools) {
        if (summary.schools.size() > 1) {
            out << s.folder.filename().string() << '\n';
        }
        print_school(out, s, summary.period);
    }
    ctx.note("Written in " + seconds(std::chrono::steady_clock::now() - started) +
             ". Import the files in order (see schoolctl-sample(1)): init --config "
             "schoolctl.toml, then import subjects, staff, classes, students, guardians, groups, "
             "assignments (--as-of the year's first day), timetable; schedule generate" +
             std::string(summary.journal ? "; marks import; attendance import." : "."));
    return 0;
}

} // namespace schoolctl::cli
