#pragma once
// Writing a built report where the user asked, and recording the export in the audit log
// (reports carry personal data: who exported what, where, how many rows).
#include <ctime>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"
#include "formats/report_writer.h"
#include "report/document.h"

namespace schoolctl::app {

struct ReportDestination {
    formats::ReportFormat format = formats::ReportFormat::table;
    std::string out = "-";  // "-": stdout; an existing directory (or one ending in '/'): a file
                            // named after the report inside it; else the file itself
    bool color = false;     // bold highlights in the terminal table (stdout is a terminal)
};

// The fonts, CSV dialect and creation time every report of the session is rendered with.
formats::RenderOptions report_render_options(const Session& session);

// %Y, %m, %d, %H, %M, %S (as strftime writes them) and %% in `pattern`, with the time `at` in
// Moscow (UTC+3), for dated output directories: "/srv/reports/%Y-%m-%d/" →
// "/srv/reports/2026-12-28/". Any other % is exit 64.
std::string expand_time_pattern(const std::string& pattern, std::time_t at);

// The format a user meant: --format when given, else the --out file's extension, else table.
formats::ReportFormat choose_format(const std::optional<std::string>& format,
                                    const std::string& out);

// Returns the path written, or "-" for stdout.
std::string deliver_report(Session& session, const report::Document& doc,
                           const ReportDestination& destination, std::ostream& stdout_stream);

// The rows of every section's table: what an export's audit row counts.
std::size_t row_count(const report::Document& doc);

// The audit row of one exported file (kind, format, where, how many rows), in the caller's
// transaction; `to` is "-" for standard output, else made absolute.
void audit_export(Session& session, const std::string& kind, std::string_view format,
                  const std::string& to, std::size_t rows);

// Each section as a document of its own, in the directory `destination.out` (created if
// missing), named <kind>-<file key>.<extension> with `file_keys` parallel to the sections: one
// report card per pupil. Exit 64 when the destination is not a directory. Returns the paths
// written; each file is audited like deliver_report's.
std::vector<std::string> deliver_sections(Session& session, const report::Document& doc,
                                          const std::vector<std::string>& file_keys,
                                          const ReportDestination& destination);

}  // namespace schoolctl::app
