#include "commands/import.h"

#include <nlohmann/json.hpp>

#include "app/import/fet_import.h"
#include "app/import/history.h"
#include "app/import/importers.h"
#include "app/import/oneroster_import.h"
#include "commands/context.h"
#include "commands/listing.h"
#include "domain/date.h"
#include "util/error.h"

namespace schoolctl::cli {
namespace {

std::size_t rejects_of(const app::PartsSummary& r) {
    std::size_t n = 0;
    for (const auto& p : r.parts) {
        n += p.rejects.size();
    }
    return n;
}

// The bundle's counts, then one line per table it was read as.
void print_parts(Context& ctx, const app::OneRosterImport& imp, const std::string& format) {
    const auto& total = imp.result.total;
    if (format == "json") {
        nlohmann::json j = import_summary_json(total);
        j["rejected"] = rejects_of(imp.result);
        j["oneroster_version"] = imp.version;
        j["school"] = imp.school;
        j["parts"] = nlohmann::json::array();
        for (const auto& p : imp.result.parts) {
            j["parts"].push_back(import_summary_json(p));
        }
        ctx.out() << j.dump(2) << '\n';
        return;
    }
    print_import_counts(ctx, total, rejects_of(imp.result));
    for (const auto& p : imp.result.parts) {
        std::string kind = p.kind + ":";
        kind.resize(13, ' ');
        ctx.out() << "  " << kind << p.created << " created, " << p.updated << " updated, "
                  << p.unchanged << " unchanged, " << p.rejects.size() << " rejected\n";
    }
    print_nothing_changed(ctx, total);
}

}  // namespace

CommandInfo ImportCommand::info() const {
    return {"import",
            "Load rosters and timetables: CSV (UTF-8 or Windows-1251), XLSX, TOML, OneRoster, FET",
            "Data",
            {"schoolctl import students samples/students.csv",
             "schoolctl import students pupils.csv --dry-run --rejects fix-me.csv",
             "schoolctl import guardians parents.xlsx --sheet Родители",
             "schoolctl import students all-pupils.csv --mode sync --left-on 2026-12-01",
             "schoolctl import students samples/students.csv --as-of 01.09.2026",
             "schoolctl import students export.csv --mapping columns.toml --encoding cp1251",
             "schoolctl import assignments load.xlsx --sheet Нагрузка",
             "schoolctl import timetable timetable.csv --dry-run",
             "schoolctl import oneroster sis-export.zip --dry-run",
             "schoolctl import fet school_data_and_timetable.fet --mapping fet-names.toml",
             "schoolctl import history"}};
}

void ImportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    for (const auto& kind : app::import_kinds()) {
        CLI::App* sub = app.add_subcommand(kind.name, kind.summary);
        files_.add_cli(*sub);
        kinds_[kind.name] = sub;
        if (kind.make()->dates_memberships()) {
            sub->add_option("--as-of", as_of_,
                            "The day the file describes: the class and group memberships it "
                            "starts begin then (default today), DD.MM.YYYY or YYYY-MM-DD")
                ->type_name("DATE");
        }
        if (kind.make()->syncs()) {
            sub->add_option("--mode", mode_,
                            "upsert: add and update; sync: the file is complete, and whoever it "
                            "does not name has left")
                ->check(CLI::IsMember({"upsert", "sync"}))
                ->capture_default_str();
            sub->add_option("--max-delete", max_delete_,
                            "sync: refuse to mark more than N people as left without --yes")
                ->type_name("N")
                ->capture_default_str();
            sub->add_flag("--yes", yes_, "sync: mark them as left even past --max-delete");
            sub->add_option("--left-on", left_on_,
                            "sync: the day they left, DD.MM.YYYY or YYYY-MM-DD (default today)")
                ->type_name("DATE");
        }
    }

    add_oneroster(app);
    add_fet(app);

    history_ = app.add_subcommand(
        "history", "Every import that wrote: when, who, the file and its SHA-256, the counts");
    history_->add_option("--limit", limit_, "Only the newest N imports")->type_name("N");
    history_->add_option("--format", history_format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

void ImportCommand::add_oneroster(CLI::App& app) {
    oneroster_ = app.add_subcommand(
        "oneroster", "A OneRoster 1.1 or 1.2 CSV bundle (zip or folder): the whole roster at once");
    oneroster_->add_option("PATH", files_.file,
                           "The bundle: a .zip, or the folder it was unpacked in")
        ->required();
    oneroster_->add_option("--org", org_,
                           "The sourcedId of the school to import, when the bundle holds several")
        ->type_name("ID");
    oneroster_->add_flag("--dry-run", files_.dry_run, "Show what would change; write nothing");
    oneroster_->add_option("--max-rejects", files_.max_rejects,
                           "Import the good rows when at most N rows (over all the bundle's "
                           "files) are rejected (default 0)")
        ->type_name("N")
        ->capture_default_str();
    oneroster_->add_option("--format", files_.formats, "The summary: table (default) or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->type_name("FORMAT");
}

int ImportCommand::run_oneroster(Context& ctx) {
    app::ImportRequest request;
    request.dry_run = files_.dry_run;
    request.max_rejects = files_.max_rejects;
    app::OneRosterImport imp = app::import_oneroster(ctx.session(), request, files_.file, org_);
    for (const auto& p : imp.problems) {
        ctx.err() << files_.file << '/' << p.str() << '\n';
    }
    if (!imp.problems.empty()) {
        throw Error(ExitCode::data, std::to_string(imp.problems.size()) +
                                        " problems with the OneRoster bundle " + files_.file +
                                        "; nothing was imported");
    }
    ctx.detail("read " + files_.file + ": OneRoster " + imp.version + ", school " + imp.school);
    for (const auto& part : imp.result.parts) {
        print_rejects_and_warnings(ctx, part);
    }
    print_parts(ctx, imp, files_.summary_format());
    check_rejects(ctx, rejects_of(imp.result), imp.result.total.rows, files_.max_rejects,
                  imp.result.total.written, std::nullopt);
    return 0;
}

void ImportCommand::add_fet(CLI::App& app) {
    fet_ = app.add_subcommand(
        "fet", "A timetable generated by FET (NAME_data_and_timetable.fet) as timetable rules");
    fet_->add_option("FILE", files_.file, "The .fet file FET wrote with the timetable")
        ->required();
    fet_->add_option("--mapping", files_.mapping,
                     "TOML file naming the roster's teacher, subject, class or group and room "
                     "for FET's names, and the weekday and lesson of its days and hours")
        ->type_name("FILE");
    fet_->add_flag("--dry-run", files_.dry_run, "Show what would change; write nothing");
    fet_->add_option("--rejects", files_.rejects,
                     "Write the rejected rows, with an error column, to this CSV file")
        ->type_name("FILE");
    fet_->add_option("--max-rejects", files_.max_rejects,
                     "Import the good rows when at most N rows are rejected (default 0)")
        ->type_name("N")
        ->capture_default_str();
    fet_->add_option("--format", files_.formats, "The summary: table (default) or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->type_name("FORMAT");
}

int ImportCommand::run_fet(Context& ctx) {
    app::ImportRequest request;
    request.dry_run = files_.dry_run;
    request.max_rejects = files_.max_rejects;
    request.rejects_file = files_.rejects;
    app::ImportSummary summary =
        app::import_fet(ctx.session(), request, files_.file, files_.mapping);
    ctx.detail("read " + summary.file + " (" + summary.description + ")");
    print_rejects_and_warnings(ctx, summary);
    print_import_summary(ctx, summary, files_.summary_format());
    // Rows that clash were applied before the clash showed: --max-rejects cannot keep them.
    check_rejects(ctx, summary.rejects.size(), summary.rows,
                  summary.whole_file_rejected ? 0 : summary.max_rejects, summary.written,
                  files_.rejects);
    return 0;
}

int ImportCommand::run(Context& ctx) {
    if (oneroster_->parsed()) {
        return run_oneroster(ctx);
    }
    if (fet_->parsed()) {
        return run_fet(ctx);
    }
    if (history_->parsed()) {
        print_document(ctx, app::import_history(ctx.session(), limit_), history_format_);
        return 0;
    }
    const app::ImportKind* kind = nullptr;
    for (const auto& k : app::import_kinds()) {
        if (kinds_.at(k.name)->parsed()) {
            kind = &k;
        }
    }
    app::ImportRequest request = files_.request();
    request.mode = mode_ == "sync" ? app::ImportMode::sync : app::ImportMode::upsert;
    CLI::App* sub = kinds_.at(kind->name);
    if (request.mode != app::ImportMode::sync) {
        for (const char* option : {"--max-delete", "--yes", "--left-on"}) {
            if (sub->get_option_no_throw(option) != nullptr && sub->count(option) > 0) {
                throw Error(ExitCode::usage, std::string(option) + " applies to --mode sync");
            }
        }
    }
    request.max_delete = max_delete_;
    request.yes = yes_;
    if (as_of_) {
        auto date = domain::parse_date(*as_of_);
        if (!date) {
            throw Error(ExitCode::usage, "--as-of \"" + *as_of_ +
                                             "\" is not a date (expected DD.MM.YYYY or "
                                             "YYYY-MM-DD)");
        }
        request.as_of = domain::format_iso(*date);
    }
    if (left_on_) {
        auto date = domain::parse_date(*left_on_);
        if (!date) {
            throw Error(ExitCode::usage, "--left-on \"" + *left_on_ +
                                             "\" is not a date (expected DD.MM.YYYY or "
                                             "YYYY-MM-DD)");
        }
        request.left_on = domain::format_iso(*date);
    }

    auto importer = kind->make();
    app::ImportSummary summary = app::run_import(ctx.session(), request, *importer);
    ctx.detail("read " + summary.file + " (" + summary.description + "), " +
               std::to_string(summary.rows) + " rows");
    print_rejects_and_warnings(ctx, summary);
    print_import_summary(ctx, summary, files_.summary_format());
    if (summary.rejects.size() > summary.max_rejects || summary.whole_file_rejected) {
        // Rows that clash were applied before the clash showed: --max-rejects cannot keep them.
        check_rejects(ctx, summary.rejects.size(), summary.rows,
                      summary.whole_file_rejected ? 0 : summary.max_rejects, false, files_.rejects);
    }
    if (summary.needs_confirmation && summary.dry_run) {
        ctx.warn("the sync would mark " + std::to_string(summary.left) +
                 " people as left, more than --max-delete " + std::to_string(summary.max_delete) +
                 ": the real run needs --yes");
    } else if (summary.needs_confirmation) {
        throw Error(ExitCode::data,
                    "the sync would mark " + std::to_string(summary.left) +
                        " people as left, more than --max-delete " +
                        std::to_string(summary.max_delete) +
                        "; nothing was written. Check that " + summary.file +
                        " is complete, then repeat with --yes (or a larger --max-delete)");
    }
    check_rejects(ctx, summary.rejects.size(), summary.rows, summary.max_rejects,
                  summary.written, files_.rejects);
    return 0;
}

}  // namespace schoolctl::cli
