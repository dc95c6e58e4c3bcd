#pragma once
// One entry point for every report format: commands pick a format and a destination, this
// picks the renderer and writes the file safely.
#include "formats/csv_writer.h"
#include "report/document.h"

#include <ctime>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace schoolctl::formats {

enum class ReportFormat { xlsx, pdf, html, csv, json, table };

// "xlsx", "pdf", "html", "csv", "json", "table"; anything else is nullopt.
std::optional<ReportFormat> parse_report_format(std::string_view name);
// Without the dot: "xlsx"; the terminal table is "txt".
std::string_view file_extension(ReportFormat format);

struct RenderOptions {
    std::string font_regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    std::string font_bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    CsvDialect csv_dialect = CsvDialect::excel;
    // Creation time in PDF/XLSX metadata; 0 = now (SOURCE_DATE_EPOCH if set). Callers pass a
    // fixed value for reproducible output.
    std::time_t created = 0;
    // Escape codes in the terminal table (highlighted cells in bold): only when the caller
    // knows the output is a terminal that wants them (not NO_COLOR).
    bool color = false;
};

// Writes to `final_path` atomically: a temporary file (mode 0600) in the same directory,
// fsync, rename. Directory missing or not writable: Error(cant_create, "cannot create PATH:
// reason"); a failed write: Error(io). Never leaves a partial file under the final name, nor
// its temporary file.
void write_report_file(const report::Document& doc, ReportFormat format,
                       const std::filesystem::path& final_path, const RenderOptions& options);

// Any format to a stream (stdout for `--out -`); XLSX goes through a temporary file, because
// libxlsxwriter writes only to files. A stream that fails is Error(io).
void write_report(const report::Document& doc, ReportFormat format, std::ostream& out,
                  const RenderOptions& options);

} // namespace schoolctl::formats
