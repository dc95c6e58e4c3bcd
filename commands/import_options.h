#pragma once
// The options every import from a file of rows takes (`import students`, `marks import`,
// `attendance import`: FILE, --dry-run, --rejects, --max-rejects, --mapping, --encoding,
// --delimiter, --sheet, --format) and how its outcome is printed, so that each reads its file
// and reports its rejects the same way.
#include <CLI/CLI.hpp>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "app/import/pipeline.h"

namespace schoolctl::cli {

class Context;

struct ImportFileOptions {
    std::string file;
    bool dry_run = false;
    std::optional<std::string> rejects;
    std::size_t max_rejects = 0;
    std::optional<std::string> mapping;
    std::string encoding = "auto";
    std::optional<std::string> delimiter;
    std::optional<std::string> sheet;
    std::vector<std::string> formats;  // csv|xlsx|toml (how to read) and/or table|json

    void add_cli(CLI::App& sub);
    // The request these options describe: an upsert; sync options are the caller's. Exit 64
    // for a delimiter that is not one of ; , | tab.
    app::ImportRequest request() const;
    // How to print the summary: table or json.
    std::string summary_format() const;
};

// The summary's counts, kind, rejects and warnings as JSON (`--format json`).
nlohmann::json import_summary_json(const app::ImportSummary& summary);
// "imported: FILE" and the counts; `rejected` is passed apart for a summary of several parts.
void print_import_counts(Context& ctx, const app::ImportSummary& summary, std::size_t rejected);
void print_nothing_changed(Context& ctx, const app::ImportSummary& summary);
// The counts as a table, or the JSON.
void print_import_summary(Context& ctx, const app::ImportSummary& summary,
                          const std::string& format);
// Warnings, then each rejected row as `file:line: field: reason`, on stderr.
void print_rejects_and_warnings(Context& ctx, const app::ImportSummary& summary);
// More rejects than allowed: nothing was written (exit 65); fewer: a warning that the rejected
// rows were left out.
void check_rejects(Context& ctx, std::size_t rejected, std::size_t rows, std::size_t max_rejects,
                   bool written, const std::optional<std::string>& rejects_file);

// All of the above for an import of one file that has no sync: what was read (--verbose), the
// rejects and warnings, the summary, and exit 65 when rows were rejected past --max-rejects.
void report_import(Context& ctx, const app::ImportSummary& summary, const std::string& format,
                   const std::optional<std::string>& rejects_file);

}  // namespace schoolctl::cli
