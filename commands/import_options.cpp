#include "commands/import_options.h"

#include <algorithm>

#include "commands/context.h"
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

}  // namespace

void ImportFileOptions::add_cli(CLI::App& sub) {
    sub.add_option("FILE", file, "CSV or XLSX file with a header row, or - for CSV on stdin")
        ->required();
    sub.add_flag("--dry-run", dry_run, "Show what would change; write nothing");
    sub.add_option("--rejects", rejects,
                   "Write the rejected rows, with an error column, to this CSV file")
        ->type_name("FILE");
    sub.add_option("--max-rejects", max_rejects,
                   "Import the good rows when at most N rows are rejected (default 0: any "
                   "rejected row means nothing is written)")
        ->type_name("N")
        ->capture_default_str();
    sub.add_option("--mapping", mapping,
                   "TOML file naming the column of each field (see schoolctl-formats(5))")
        ->type_name("FILE");
    sub.add_option("--encoding", encoding, "CSV: auto, utf-8 or cp1251")
        ->check(CLI::IsMember({"auto", "utf-8", "utf8", "cp1251", "windows-1251"},
                              CLI::ignore_case))
        ->capture_default_str();
    sub.add_option("--delimiter", delimiter, "CSV: ; , | or tab (default: sniffed)");
    sub.add_option("--sheet", sheet, "XLSX: the sheet's name or number (default: the first)")
        ->type_name("NAME|N");
    sub.add_option("--format", formats,
                   "csv, xlsx or toml: how to read FILE (default: from its name and content); "
                   "table or json: the summary (default table). May be given twice")
        ->check(CLI::IsMember({"csv", "xlsx", "toml", "table", "json"}))
        ->type_name("FORMAT");
}

// --format names how to read the file (csv, xlsx, toml) and/or how to print the summary (table,
// json); the two sets of values do not overlap, so one option serves both.
app::ImportRequest ImportFileOptions::request() const {
    app::SourceFormat input = app::SourceFormat::automatic;
    for (const auto& v : formats) {
        if (v == "csv") {
            input = app::SourceFormat::csv;
        } else if (v == "xlsx") {
            input = app::SourceFormat::xlsx;
        } else if (v == "toml") {
            input = app::SourceFormat::toml;
        }
    }
    app::ImportRequest request;
    request.source = {file, input, encoding, delimiter_char(delimiter), sheet};
    request.mapping_file = mapping;
    request.dry_run = dry_run;
    request.max_rejects = max_rejects;
    request.rejects_file = rejects;
    return request;
}

std::string ImportFileOptions::summary_format() const {
    std::string format = "table";
    for (const auto& v : formats) {
        if (v == "table" || v == "json") {
            format = v;
        }
    }
    return format;
}

nlohmann::json import_summary_json(const app::ImportSummary& s) {
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

void print_import_counts(Context& ctx, const app::ImportSummary& s, std::size_t rejected) {
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

void print_import_summary(Context& ctx, const app::ImportSummary& s, const std::string& format) {
    if (format == "json") {
        ctx.out() << import_summary_json(s).dump(2) << '\n';
        return;
    }
    print_import_counts(ctx, s, s.rejects.size());
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

void report_import(Context& ctx, const app::ImportSummary& summary, const std::string& format,
                   const std::optional<std::string>& rejects_file) {
    ctx.detail("read " + summary.file + " (" + summary.description + "), " +
               std::to_string(summary.rows) + " rows");
    print_rejects_and_warnings(ctx, summary);
    print_import_summary(ctx, summary, format);
    // Rows that clash were applied before the clash showed: --max-rejects cannot keep them.
    check_rejects(ctx, summary.rejects.size(), summary.rows,
                  summary.whole_file_rejected ? 0 : summary.max_rejects, summary.written,
                  rejects_file);
}

}  // namespace schoolctl::cli
