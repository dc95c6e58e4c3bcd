#include "commands/import.h"

#include <algorithm>
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

std::optional<char> delimiter_char(const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    if (*text == "tab" || *text == "\\t" || *text == "\t") {
        return '\t';
    }
    if (text->size() == 1 && (*text == ";" || *text == "," || *text == "|")) {
        return text->front();
    }
    throw Error(ExitCode::usage, "--delimiter must be one of ; , | tab");
}

struct Formats {
    app::SourceFormat input = app::SourceFormat::automatic;
    std::string summary = "table";
};

// --format names how to read the file (csv, xlsx) and/or how to print the summary (table,
// json); the two sets of values do not overlap, so one option serves both.
Formats split_formats(const std::vector<std::string>& values) {
    Formats f;
    for (const auto& v : values) {
        if (v == "csv") {
            f.input = app::SourceFormat::csv;
        } else if (v == "xlsx") {
            f.input = app::SourceFormat::xlsx;
        } else if (v == "toml") {
            f.input = app::SourceFormat::toml;
        } else {
            f.summary = v;
        }
    }
    return f;
}

nlohmann::json summary_json(const app::ImportSummary& s) {
    nlohmann::json rejects = nlohmann::json::array();
    for (const auto& r : s.rejects) {
        rejects.push_back({{"line", r.line}, {"field", r.field}, {"reason", r.reason}});
    }
    nlohmann::json also = nlohmann::json::object();
    for (auto [what, n] : s.also) {
        std::replace(what.begin(), what.end(), ' ', '_');  // "new classes" -> new_classes
        also[what] = n;
    }
    nlohmann::json j = app::summary_counts(s);
    j.update({{"kind", s.kind},
              {"also", also},
              {"dry_run", s.dry_run},
              {"needs_confirmation", s.needs_confirmation},
              {"written", s.written},
              {"warnings", s.warnings},
              {"rejects", rejects}});
    return j;
}

void print_counts(Context& ctx, const app::ImportSummary& s, std::size_t rejected) {
    const char* heading = s.written                ? "imported"
                          : s.dry_run              ? "plan (dry run, nothing written)"
                          : s.needs_confirmation   ? "not imported, the sync needs --yes"
                                                   : "not imported, rows rejected";
    ctx.out() << heading << ": " << s.file << '\n'
              << "  created    " << s.created << '\n'
              << "  updated    " << s.updated << '\n'
              << "  unchanged  " << s.unchanged << '\n'
              << "  rejected   " << rejected << '\n';
    if (s.sync) {
        ctx.out() << "  left       " << s.left << '\n';
    }
    for (const auto& [what, n] : s.also) {
        ctx.out() << "  " << what << ' ' << n << '\n';
    }
}

void print_nothing_changed(Context& ctx, const app::ImportSummary& s) {
    if (s.written && s.created + s.updated + s.left == 0) {
        ctx.out() << "nothing changed: the database already matches " << s.file << '\n';
    }
}

void print_summary(Context& ctx, const app::ImportSummary& s, const std::string& format) {
    if (format == "json") {
        ctx.out() << summary_json(s).dump(2) << '\n';
        return;
    }
    print_counts(ctx, s, s.rejects.size());
    print_nothing_changed(ctx, s);
}

void print_rejects_and_warnings(Context& ctx, const app::ImportSummary& summary) {
    for (const auto& w : summary.warnings) {
        ctx.warn(w);
    }
    for (const auto& r : summary.rejects) {
        ctx.err() << summary.file << ':' << r.line << ": " << r.field << ": " << r.reason << '\n';
    }
}

// Too many rejects: nothing was written (exit 65); fewer: say the rejected rows were left out.
void check_rejects(Context& ctx, std::size_t rejected, std::size_t rows, std::size_t max_rejects,
                   bool written, const std::optional<std::string>& rejects_file) {
    if (rejected > max_rejects) {
        throw Error(ExitCode::data,
                    std::to_string(rejected) + " of " + std::to_string(rows) +
                        " rows rejected; nothing was written (" +
                        (rejects_file ? "see " + *rejects_file + ", or " : std::string()) +
                        "use --max-rejects to import the rest)");
    }
    if (rejected > 0 && written) {
        ctx.warn(std::to_string(rejected) + " rejected rows were left out (--max-rejects " +
                 std::to_string(max_rejects) + ")");
    }
}

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
        nlohmann::json j = summary_json(total);
        j["rejected"] = rejects_of(imp.result);
        j["oneroster_version"] = imp.version;
        j["school"] = imp.school;
        j["parts"] = nlohmann::json::array();
        for (const auto& p : imp.result.parts) {
            j["parts"].push_back(summary_json(p));
        }
        ctx.out() << j.dump(2) << '\n';
        return;
    }
    print_counts(ctx, total, rejects_of(imp.result));
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
             "schoolctl import students export.csv --mapping columns.toml --encoding cp1251",
             "schoolctl import assignments load.xlsx --sheet Нагрузка",
             "schoolctl import timetable timetable.csv --dry-run",
             "schoolctl import oneroster sis-export.zip --dry-run",
             "schoolctl import fet school_data_and_timetable.fet --mapping fet-names.toml",
             "schoolctl import history"}};
}

void ImportCommand::add_file_options(CLI::App& sub) {
    sub.add_option("FILE", file_, "CSV or XLSX file with a header row, or - for CSV on stdin")
        ->required();
    sub.add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    sub.add_option("--rejects", rejects_,
                   "Write the rejected rows, with an error column, to this CSV file")
        ->type_name("FILE");
    sub.add_option("--max-rejects", max_rejects_,
                   "Import the good rows when at most N rows are rejected (default 0: any "
                   "rejected row means nothing is written)")
        ->type_name("N")
        ->capture_default_str();
    sub.add_option("--mapping", mapping_,
                   "TOML file naming the column of each field (see schoolctl-formats(5))")
        ->type_name("FILE");
    sub.add_option("--encoding", encoding_, "CSV: auto, utf-8 or cp1251")
        ->check(CLI::IsMember({"auto", "utf-8", "utf8", "cp1251", "windows-1251"},
                              CLI::ignore_case))
        ->capture_default_str();
    sub.add_option("--delimiter", delimiter_, "CSV: ; , | or tab (default: sniffed)");
    sub.add_option("--sheet", sheet_, "XLSX: the sheet's name or number (default: the first)")
        ->type_name("NAME|N");
    sub.add_option("--format", formats_,
                   "csv, xlsx or toml: how to read FILE (default: from its name and content); "
                   "table or json: the summary (default table). May be given twice")
        ->check(CLI::IsMember({"csv", "xlsx", "toml", "table", "json"}))
        ->type_name("FORMAT");
}

void ImportCommand::add_cli(CLI::App& app) {
    app.require_subcommand(1);
    for (const auto& kind : app::import_kinds()) {
        CLI::App* sub = app.add_subcommand(kind.name, kind.summary);
        add_file_options(*sub);
        kinds_[kind.name] = sub;
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
    oneroster_->add_option("PATH", file_, "The bundle: a .zip, or the folder it was unpacked in")
        ->required();
    oneroster_->add_option("--org", org_,
                           "The sourcedId of the school to import, when the bundle holds several")
        ->type_name("ID");
    oneroster_->add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    oneroster_->add_option("--max-rejects", max_rejects_,
                           "Import the good rows when at most N rows (over all the bundle's "
                           "files) are rejected (default 0)")
        ->type_name("N")
        ->capture_default_str();
    oneroster_->add_option("--format", formats_, "The summary: table (default) or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->type_name("FORMAT");
}

int ImportCommand::run_oneroster(Context& ctx) {
    app::ImportRequest request;
    request.dry_run = dry_run_;
    request.max_rejects = max_rejects_;
    app::OneRosterImport imp = app::import_oneroster(ctx.session(), request, file_, org_);
    for (const auto& p : imp.problems) {
        ctx.err() << file_ << '/' << p.str() << '\n';
    }
    if (!imp.problems.empty()) {
        throw Error(ExitCode::data, std::to_string(imp.problems.size()) +
                                        " problems with the OneRoster bundle " + file_ +
                                        "; nothing was imported");
    }
    ctx.detail("read " + file_ + ": OneRoster " + imp.version + ", school " + imp.school);
    for (const auto& part : imp.result.parts) {
        print_rejects_and_warnings(ctx, part);
    }
    print_parts(ctx, imp, split_formats(formats_).summary);
    check_rejects(ctx, rejects_of(imp.result), imp.result.total.rows, max_rejects_,
                  imp.result.total.written, std::nullopt);
    return 0;
}

void ImportCommand::add_fet(CLI::App& app) {
    fet_ = app.add_subcommand(
        "fet", "A timetable generated by FET (NAME_data_and_timetable.fet) as timetable rules");
    fet_->add_option("FILE", file_, "The .fet file FET wrote with the timetable")->required();
    fet_->add_option("--mapping", mapping_,
                     "TOML file naming the roster's teacher, subject, class or group and room "
                     "for FET's names, and the weekday and lesson of its days and hours")
        ->type_name("FILE");
    fet_->add_flag("--dry-run", dry_run_, "Show what would change; write nothing");
    fet_->add_option("--rejects", rejects_,
                     "Write the rejected rows, with an error column, to this CSV file")
        ->type_name("FILE");
    fet_->add_option("--max-rejects", max_rejects_,
                     "Import the good rows when at most N rows are rejected (default 0)")
        ->type_name("N")
        ->capture_default_str();
    fet_->add_option("--format", formats_, "The summary: table (default) or json")
        ->check(CLI::IsMember({"table", "json"}))
        ->type_name("FORMAT");
}

int ImportCommand::run_fet(Context& ctx) {
    app::ImportRequest request;
    request.dry_run = dry_run_;
    request.max_rejects = max_rejects_;
    request.rejects_file = rejects_;
    app::ImportSummary summary = app::import_fet(ctx.session(), request, file_, mapping_);
    ctx.detail("read " + summary.file + " (" + summary.description + ")");
    print_rejects_and_warnings(ctx, summary);
    print_summary(ctx, summary, split_formats(formats_).summary);
    // Rows that clash were applied before the clash showed: --max-rejects cannot keep them.
    check_rejects(ctx, summary.rejects.size(), summary.rows,
                  summary.whole_file_rejected ? 0 : summary.max_rejects, summary.written,
                  rejects_);
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
    Formats formats = split_formats(formats_);
    app::ImportRequest request;
    request.source = {file_, formats.input, encoding_, delimiter_char(delimiter_), sheet_};
    request.mapping_file = mapping_;
    request.dry_run = dry_run_;
    request.max_rejects = max_rejects_;
    request.rejects_file = rejects_;
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
    print_summary(ctx, summary, formats.summary);
    if (summary.rejects.size() > summary.max_rejects || summary.whole_file_rejected) {
        // Rows that clash were applied before the clash showed: --max-rejects cannot keep them.
        check_rejects(ctx, summary.rejects.size(), summary.rows,
                      summary.whole_file_rejected ? 0 : summary.max_rejects, false, rejects_);
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
                  summary.written, rejects_);
    return 0;
}

}  // namespace schoolctl::cli
