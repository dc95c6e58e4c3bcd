#include "commands/import.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/import/history.h"
#include "app/import/importers.h"
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

void print_summary(Context& ctx, const app::ImportSummary& s, const std::string& format) {
    if (format == "json") {
        ctx.out() << summary_json(s).dump(2) << '\n';
        return;
    }
    const char* heading = s.written                ? "imported"
                          : s.dry_run              ? "plan (dry run, nothing written)"
                          : s.needs_confirmation   ? "not imported, the sync needs --yes"
                                                   : "not imported, rows rejected";
    ctx.out() << heading << ": " << s.file << '\n'
              << "  created    " << s.created << '\n'
              << "  updated    " << s.updated << '\n'
              << "  unchanged  " << s.unchanged << '\n'
              << "  rejected   " << s.rejects.size() << '\n';
    if (s.sync) {
        ctx.out() << "  left       " << s.left << '\n';
    }
    for (const auto& [what, n] : s.also) {
        ctx.out() << "  " << what << ' ' << n << '\n';
    }
    if (s.written && s.created + s.updated + s.left == 0) {
        ctx.out() << "nothing changed: the database already matches " << s.file << '\n';
    }
}

}  // namespace

CommandInfo ImportCommand::info() const {
    return {"import",
            "Load rosters from the files schools have (CSV in UTF-8 or Windows-1251, XLSX)",
            "Data",
            {"schoolctl import students samples/students.csv",
             "schoolctl import students pupils.csv --dry-run --rejects fix-me.csv",
             "schoolctl import guardians parents.xlsx --sheet Родители",
             "schoolctl import students all-pupils.csv --mode sync --left-on 2026-12-01",
             "schoolctl import students export.csv --mapping columns.toml --encoding cp1251",
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
                   "csv or xlsx: how to read FILE (default: from its content); table or json: "
                   "the summary (default table). May be given twice")
        ->check(CLI::IsMember({"csv", "xlsx", "table", "json"}))
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

    history_ = app.add_subcommand(
        "history", "Every import that wrote: when, who, the file and its SHA-256, the counts");
    history_->add_option("--limit", limit_, "Only the newest N imports")->type_name("N");
    history_->add_option("--format", history_format_, "Output format")
        ->check(CLI::IsMember({"table", "csv", "json"}))
        ->capture_default_str();
}

int ImportCommand::run(Context& ctx) {
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
    for (const auto& w : summary.warnings) {
        ctx.warn(w);
    }
    for (const auto& r : summary.rejects) {
        ctx.err() << summary.file << ':' << r.line << ": " << r.field << ": " << r.reason << '\n';
    }
    print_summary(ctx, summary, formats.summary);
    if (summary.rejects.size() > summary.max_rejects) {
        throw Error(ExitCode::data,
                    std::to_string(summary.rejects.size()) + " of " +
                        std::to_string(summary.rows) + " rows rejected; nothing was written (" +
                        (rejects_ ? "see " + *rejects_ + ", or " : std::string()) +
                        "use --max-rejects to import the rest)");
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
    if (!summary.rejects.empty() && summary.written) {
        ctx.warn(std::to_string(summary.rejects.size()) +
                 " rejected rows were left out (--max-rejects " +
                 std::to_string(summary.max_rejects) + ")");
    }
    return 0;
}

}  // namespace schoolctl::cli
