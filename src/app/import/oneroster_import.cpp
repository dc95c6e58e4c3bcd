#include "app/import/oneroster_import.h"

#include <filesystem>
#include <map>

#include "app/import/importers.h"
#include "app/import/bundle_tables.h"
#include "formats/oneroster_reader.h"
#include "formats/zip_archive.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// One mapped table read like a file: rows cite the bundle's file and the record's line.
class TableSource final : public RowSource {
public:
    TableSource(BundleTable table, const std::string& bundle)
        : table_(std::move(table)), file_(bundle + "/" + table_.file) {
        header_.line = 1;
        header_.fields = table_.header;
    }
    const std::string& file() const override { return file_; }
    const formats::CsvRecord& header() const override { return header_; }
    bool next(formats::CsvRecord& record) override {
        if (next_ == table_.rows.size()) {
            return false;
        }
        record = table_.rows[next_++];
        return true;
    }
    std::string sha256() override { return std::string(); }  // the bundle's is recorded
    std::string description() const override { return "OneRoster " + table_.file; }

private:
    BundleTable table_;
    std::string file_;
    formats::CsvRecord header_;
    std::size_t next_ = 0;
};

// The importer of a table, rejecting first the rows the mapping found wrong.
class MappedImporter final : public RowImporter {
public:
    MappedImporter(std::unique_ptr<RowImporter> inner, std::map<std::size_t, RowProblem> problems)
        : inner_(std::move(inner)), problems_(std::move(problems)) {}
    std::string kind() const override { return inner_->kind(); }
    const std::vector<FieldSpec>& fields() const override { return inner_->fields(); }
    bool checks_before_writing() const override { return inner_->checks_before_writing(); }
    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (auto it = problems_.find(row.line()); it != problems_.end()) {
            return it->second;
        }
        return inner_->import_row(run, row);
    }

private:
    std::unique_ptr<RowImporter> inner_;
    std::map<std::size_t, RowProblem> problems_;
};

// A folder's checksum covers every file's name and bytes, in name order.
std::string folder_sha256(const formats::FolderSource& folder) {
    std::string all;
    for (const auto& name : folder.names()) {
        std::string digest = crypto::sha256_hex(folder.read(name));
        all += name + '\0' + digest + '\n';
    }
    return crypto::sha256_hex(all);
}

}  // namespace

OneRosterImport import_oneroster(Session& session, const ImportRequest& request,
                                 const std::string& path, const std::string& org) {
    session.require(domain::Permission::roster_write);
    if (request.mode == ImportMode::sync) {
        throw Error(ExitCode::usage, "--mode sync applies to pupils and staff files, not to "
                                     "OneRoster bundles");
    }
    OneRosterImport out;
    out.bundle = path;
    formats::OneRosterBundle bundle;
    std::string sha256;
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        formats::FolderSource folder(path);
        bundle = formats::read_oneroster(folder);
        sha256 = folder_sha256(folder);
    } else if (formats::looks_like_zip(path)) {
        formats::ZipSource zip(path);
        bundle = formats::read_oneroster(zip);
        sha256 = zip.sha256();
    } else if (!std::filesystem::exists(path, ec)) {
        throw Error(ExitCode::no_input, "cannot open " + path + ": no such file or folder");
    } else {
        throw Error(ExitCode::data, path + " is neither a folder nor a zip: a OneRoster bundle "
                                           "is a zip of CSV files, or those files in a folder");
    }
    out.version = std::string(formats::version_text(bundle.version));
    out.problems = bundle.problems;
    for (const auto& [property, value] : bundle.manifest) {
        if (property.starts_with("file.") && value == "delta") {
            out.problems.push_back({"manifest.csv", 0, property,
                                    "a delta file: schoolctl imports bulk bundles (the whole "
                                    "roster); export a bulk bundle"});
        }
    }
    if (!out.problems.empty()) {
        return out;
    }
    const auto& school = choose_school(bundle, org);
    out.school = school.sourced_id + " (" + school.name + ")";

    std::vector<std::unique_ptr<RowImporter>> importers;
    std::vector<ImportPart> parts;
    for (auto& table : bundle_tables(bundle, school)) {
        for (const auto& kind : import_kinds()) {
            if (kind.name == table.kind) {
                importers.push_back(
                    std::make_unique<MappedImporter>(kind.make(), std::move(table.problems)));
            }
        }
        parts.push_back({std::make_unique<TableSource>(std::move(table), path),
                         importers.back().get()});
    }
    out.result = run_import_parts(session, request, parts, "oneroster", path, sha256);
    return out;
}

}  // namespace schoolctl::app
