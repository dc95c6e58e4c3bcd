#include "app/import/history.h"

#include "formats/report_writer.h"
#include "report/listing.h"
#include "store/imports.h"
#include "util/clock.h"

namespace schoolctl::app {

std::int64_t record_import(Session& s, const std::string& kind, const std::string& sha256,
                           const ImportSummary& summary) {
    store::ImportRecord r;
    r.school_id = s.school_id();
    r.kind = kind;
    r.file_name = summary.file;
    r.sha256 = sha256;
    r.account_id = s.actor().account_id;
    r.actor = s.actor().login;
    r.at = utc_iso_now();
    r.rows = static_cast<std::int64_t>(summary.rows);
    r.created = static_cast<std::int64_t>(summary.created);
    r.updated = static_cast<std::int64_t>(summary.updated);
    r.unchanged = static_cast<std::int64_t>(summary.unchanged);
    r.rejected = static_cast<std::int64_t>(summary.rejects.size());
    r.mode = summary.sync ? "sync" : "upsert";
    r.left = static_cast<std::int64_t>(summary.left);
    return store::insert_import(s.db(), r);
}

void write_rejects_file(const std::string& path, const std::vector<std::string>& header,
                        const std::vector<RowReject>& rejects) {
    report::Document doc;
    doc.kind = "rejects";
    report::Section section;
    section.key = "rejects";
    for (const auto& h : header) {
        section.table.columns.push_back({h});
    }
    section.table.columns.push_back({rejects_error_column});
    for (const auto& r : rejects) {
        std::vector<report::Cell> row(header.size() + 1);
        for (std::size_t i = 0; i < header.size() && i < r.original.size(); ++i) {
            row[i] = r.original[i];
        }
        row.back() = "строка " + std::to_string(r.line) + ": " + r.field + ": " + r.reason;
        section.table.rows.push_back(std::move(row));
    }
    doc.sections.push_back(std::move(section));
    formats::RenderOptions options;
    options.csv_dialect = formats::CsvDialect::excel;
    formats::write_report_file(doc, formats::ReportFormat::csv, path, options);
}

report::Document import_history(Session& s, std::size_t limit) {
    s.require(domain::Permission::roster_read);
    report::Document doc = report::listing("import-history", "Imports",
                                           {{"id", 5, report::Align::right},
                             {"at (UTC)", 20},
                             {"account", 12},
                             {"kind", 10},
                             {"file", 30},
                             {"sha256", 64},
                             {"rows", 6, report::Align::right},
                             {"created", 7, report::Align::right},
                             {"updated", 7, report::Align::right},
                             {"unchanged", 9, report::Align::right},
                                            {"rejected", 8, report::Align::right},
                                            {"mode", 6},
                                            {"left", 5, report::Align::right}});
    for (const auto& r : store::list_imports(s.db(), s.school_id(), limit)) {
        report::listing_rows(doc).push_back({r.id, r.at, r.actor, r.kind, r.file_name, r.sha256,
                                             r.rows, r.created, r.updated, r.unchanged,
                                             r.rejected, r.mode, r.left});
    }
    return doc;
}

}  // namespace schoolctl::app
