#include "app/export/roster_files.h"

#include "formats/csv_writer.h"
#include "formats/report_writer.h"
#include "util/atomic_file.h"
#include "util/error.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <sstream>
#include <sys/stat.h>

namespace schoolctl::app {
namespace {

namespace fs = std::filesystem;

report::Section section_of(const RosterTable& t) {
    report::Section s;
    s.key = t.kind;
    for (const auto& name : t.header) {
        // Wide enough to read ids, names and lists of members without resizing.
        double width = name == "students" || name == "children"                  ? 60
                       : name == "name" || name == "position" || name == "email" ? 32
                                                                                 : 16;
        s.table.columns.push_back({name, width, report::Align::left});
    }
    s.table.rows = t.rows;
    return s;
}

// Creates the folder unless it exists; true when it was created here.
bool ensure_folder(const fs::path& folder) {
    std::error_code ec;
    auto status = fs::status(folder, ec);
    if (fs::exists(status)) {
        if (!fs::is_directory(status)) {
            throw Error(ExitCode::cant_create,
                        "cannot write into " + folder.string() + ": it is not a folder");
        }
        return false;
    }
    if (::mkdir(folder.c_str(), 0700) != 0) {
        throw Error(ExitCode::cant_create,
                    "cannot create " + folder.string() + ": " + std::strerror(errno));
    }
    return true;
}

} // namespace

report::Document roster_document(const std::vector<RosterTable>& tables) {
    report::Document doc;
    doc.kind = "roster";
    for (const auto& t : tables) {
        doc.sections.push_back(section_of(t));
    }
    return doc;
}

void write_roster_csv(const std::vector<RosterTable>& tables, const fs::path& folder) {
    std::vector<std::string> texts;
    for (const auto& t : tables) {
        report::Document doc;
        doc.sections.push_back(section_of(t));
        std::ostringstream out;
        formats::write_csv(doc, out, formats::CsvDialect::excel);
        texts.push_back(std::move(out).str());
    }
    bool created = ensure_folder(folder);
    try {
        std::vector<std::unique_ptr<AtomicFile>> files;
        for (std::size_t i = 0; i < tables.size(); ++i) {
            files.push_back(std::make_unique<AtomicFile>(folder / (tables[i].kind + ".csv")));
            files.back()->write(texts[i]);
        }
        for (auto& file : files) {
            file->commit();
        }
    } catch (...) {
        if (created) {
            std::error_code ec;
            fs::remove(folder, ec); // only when still empty: nothing was renamed into it
        }
        throw;
    }
}

fs::path write_roster_xlsx(const std::vector<RosterTable>& tables, const fs::path& path,
                           std::time_t created) {
    fs::path target = path;
    std::string text = path.string();
    if (fs::is_directory(path) || (!text.empty() && text.back() == '/')) {
        target = path / "roster.xlsx";
    }
    formats::RenderOptions options;
    options.created = created;
    formats::write_report_file(roster_document(tables), formats::ReportFormat::xlsx, target,
                               options);
    return target;
}

} // namespace schoolctl::app
