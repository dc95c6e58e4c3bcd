#include "app/report_delivery.h"

#include <algorithm>
#include <filesystem>

#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::filesystem::path target_path(const report::Document& doc, const ReportDestination& d) {
    std::filesystem::path out = d.out;
    bool is_dir = std::filesystem::is_directory(out) || (!d.out.empty() && d.out.back() == '/');
    if (!is_dir) {
        return out;
    }
    std::string name = doc.kind;
    if (doc.sections.size() == 1) {
        name += "-" + doc.sections.front().key;
    }
    return out / (name + "." + std::string(formats::file_extension(d.format)));
}

formats::RenderOptions render_options(const Session& s, const ReportDestination& d) {
    formats::RenderOptions o;
    o.font_regular = s.settings().font_regular;
    o.font_bold = s.settings().font_bold;
    o.csv_dialect = s.settings().csv_dialect == "rfc4180" ? formats::CsvDialect::rfc4180
                                                          : formats::CsvDialect::excel;
    o.created = now_seconds();
    o.color = d.color && d.out == "-";
    return o;
}

}  // namespace

std::size_t row_count(const report::Document& doc) {
    std::size_t n = 0;
    for (const auto& s : doc.sections) {
        n += s.table.rows.size();
    }
    return n;
}

void audit_export(Session& session, const std::string& kind, std::string_view format,
                  const std::string& to, std::size_t rows) {
    session.audit("report.export", "report", kind,
                  {{"format", std::string(format)},
                   {"to", to == "-" ? to : std::filesystem::absolute(to).string()},
                   {"rows", rows}});
}

formats::RenderOptions report_render_options(const Session& s) {
    return render_options(s, ReportDestination{});
}

std::string expand_time_pattern(const std::string& pattern, std::time_t at) {
    if (pattern.find('%') == std::string::npos) {
        return pattern;
    }
    std::time_t moscow = at + 3 * 3600;
    std::tm tm{};
    ::gmtime_r(&moscow, &tm);
    auto two = [](int n) { return (n < 10 ? "0" : "") + std::to_string(n); };
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        if (pattern[i] != '%') {
            out += pattern[i];
            continue;
        }
        char c = i + 1 < pattern.size() ? pattern[++i] : '\0';
        switch (c) {
            case 'Y': out += std::to_string(tm.tm_year + 1900); break;
            case 'm': out += two(tm.tm_mon + 1); break;
            case 'd': out += two(tm.tm_mday); break;
            case 'H': out += two(tm.tm_hour); break;
            case 'M': out += two(tm.tm_min); break;
            case 'S': out += two(tm.tm_sec); break;
            case '%': out += '%'; break;
            default:
                throw Error(ExitCode::usage,
                            "--out \"" + pattern + "\": " +
                                (c == '\0' ? std::string("a % ends it") : "%" + std::string(1, c)) +
                                "; the date fields are %Y, %m, %d, %H, %M, %S, and %% is a %");
        }
    }
    return out;
}

formats::ReportFormat choose_format(const std::optional<std::string>& format,
                                    const std::string& out) {
    if (format) {
        if (auto f = formats::parse_report_format(*format)) {
            return *f;
        }
        throw Error(ExitCode::usage, "--format \"" + *format +
                                         "\" is not one of xlsx, pdf, html, csv, json, table");
    }
    bool directory = std::filesystem::is_directory(out) || (!out.empty() && out.back() == '/');
    std::string ext = std::filesystem::path(out).extension().string();
    if (out == "-" || directory) {
        return formats::ReportFormat::table;
    }
    if (ext == ".txt") {
        return formats::ReportFormat::table;
    }
    if (auto f = ext.empty() ? std::nullopt : formats::parse_report_format(ext.substr(1))) {
        return *f;
    }
    throw Error(ExitCode::usage, "cannot tell the format from \"" + out +
                                     "\"; add --format xlsx|pdf|html|csv|json|table");
}

std::string deliver_report(Session& s, const report::Document& doc, const ReportDestination& d,
                           std::ostream& stdout_stream) {
    formats::RenderOptions options = render_options(s, d);
    std::string destination = "-";
    if (d.out == "-") {
        formats::write_report(doc, d.format, stdout_stream, options);
    } else {
        if (d.out.back() == '/') {
            // A directory the user named with its slash is made, like the dated directories of
            // a cron job (--out /srv/reports/%Y-%m-%d/).
            std::error_code ec;
            std::filesystem::create_directories(d.out, ec);
            if (ec) {
                throw Error(ExitCode::cant_create, "cannot create " + d.out + ": " + ec.message());
            }
        }
        std::filesystem::path path = target_path(doc, d);
        formats::write_report_file(doc, d.format, path, options);
        destination = std::filesystem::absolute(path).string();
    }
    store::Transaction tx(s.db());
    audit_export(s, doc.kind, formats::file_extension(d.format), destination, row_count(doc));
    tx.commit();
    return destination == "-" ? destination : target_path(doc, d).string();
}

std::vector<std::string> deliver_sections(Session& s, const report::Document& doc,
                                          const std::vector<std::string>& file_keys,
                                          const ReportDestination& d) {
    std::filesystem::path dir = d.out;
    if (d.out == "-" || (std::filesystem::exists(dir) && !std::filesystem::is_directory(dir))) {
        throw Error(ExitCode::usage, "--split writes one file per section: --out must be a "
                                     "directory, not \"" + d.out + "\"");
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
        throw Error(ExitCode::cant_create, "cannot create " + dir.string() + ": " + ec.message());
    }
    formats::RenderOptions options = render_options(s, d);
    std::vector<std::string> written;
    report::Document one = doc;  // the heading of every file, without the other sections
    one.sections.clear();
    for (std::size_t i = 0; i < doc.sections.size(); ++i) {
        one.sections = {doc.sections[i]};
        std::string key = i < file_keys.size() ? file_keys[i] : std::to_string(i + 1);
        std::replace(key.begin(), key.end(), '/', '_');  // an id is never a path
        std::filesystem::path path =
            dir / (doc.kind + "-" + key + "." + std::string(formats::file_extension(d.format)));
        formats::write_report_file(one, d.format, path, options);
        store::Transaction tx(s.db());
        audit_export(s, doc.kind, formats::file_extension(d.format), path.string(),
                     row_count(one));
        tx.commit();
        written.push_back(path.string());
    }
    return written;
}

}  // namespace schoolctl::app
