#include "formats/oneroster_reader.h"

#include "formats/oneroster_checks.h"
#include "formats/oneroster_csv.h"
#include "util/error.h"

#include <algorithm>

namespace schoolctl::formats {
namespace {

using oneroster::DataFile;
using oneroster::DataFiles;
using oneroster::equal_ignoring_case;
using oneroster::Problems;

constexpr std::string_view manifest_file = "manifest.csv";

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// The name in the bundle that differs from `name` only in case ("Users.csv"), or "".
std::string misspelled(const std::vector<std::string>& names, std::string_view name) {
    for (const std::string& n : names) {
        if (n != name && equal_ignoring_case(n, name)) {
            return n;
        }
    }
    return {};
}

struct ManifestEntry {
    std::string value;
    std::size_t line = 0;
};

class BundleReader {
  public:
    explicit BundleReader(const BundleSource& source) : source_(source), names_(source.names()) {}

    OneRosterBundle read() {
        read_manifest();
        check_manifest_version();
        DataFiles files;
        for (const OneRosterFile& spec : oneroster_files(bundle_.version)) {
            read_file(spec, files);
        }
        for (const auto& [property, entry] : manifest_) {
            if (property.starts_with("file.") && !known_key(property)) {
                problem(manifest_file, entry.line, property,
                        "is not a file of OneRoster " + std::string(version_text(bundle_.version)));
            }
        }
        oneroster::check_references(files, bundle_.version, problems_);
        oneroster::build_records(files, bundle_);
        sort_problems();
        bundle_.problems = std::move(problems_);
        return std::move(bundle_);
    }

  private:
    void problem(std::string_view file, std::size_t line, std::string_view field,
                 std::string reason) {
        problems_.push_back({std::string(file), line, std::string(field), std::move(reason)});
    }

    // A manifest that cannot be read leaves nothing to check the rest against.
    [[noreturn]] void fail(std::size_t line, std::string_view field, const std::string& reason) {
        throw Error(ExitCode::data,
                    source_.label() + ": " +
                        Location{std::string(manifest_file), line, std::string(field)}.str() +
                        ": " + reason);
    }

    bool has(std::string_view name) const {
        return std::find(names_.begin(), names_.end(), name) != names_.end();
    }

    bool known_key(std::string_view key) const {
        const auto files = oneroster_files(bundle_.version);
        return std::any_of(files.begin(), files.end(),
                           [&](const OneRosterFile& f) { return f.manifest_key == key; });
    }

    void read_manifest() {
        if (!has(manifest_file)) {
            const std::string other = misspelled(names_, manifest_file);
            throw Error(ExitCode::data,
                        source_.label() + " is not a OneRoster bundle: it has no manifest.csv" +
                            (other.empty() ? ""
                                           : " (there is " + in_quotes(other) +
                                                 "; file names are case-sensitive)"));
        }
        const OneRosterCsvText text = parse_oneroster_csv(source_.read(std::string(manifest_file)));
        if (text.error_line) {
            fail(*text.error_line, "", text.error);
        }
        if (text.rows.empty()) {
            fail(0, "", "the file is empty (expected the header propertyName,value)");
        }
        const OneRosterCsvRow& header = text.rows.front();
        if (header.fields != std::vector<std::string>{"propertyName", "value"}) {
            fail(header.line, "", "the header must be propertyName,value");
        }
        for (std::size_t k = 1; k < text.rows.size(); ++k) {
            const OneRosterCsvRow& r = text.rows[k];
            if (!r.malformed.empty()) {
                problem(manifest_file, r.line, "", r.malformed);
                continue;
            }
            if (r.fields.size() != 2 || r.fields[0].empty()) {
                problem(manifest_file, r.line, "",
                        "expected a property name and a value, found " +
                            std::to_string(r.fields.size()) + " fields");
                continue;
            }
            const auto [it, inserted] =
                manifest_.emplace(r.fields[0], ManifestEntry{r.fields[1], r.line});
            if (!inserted) {
                problem(manifest_file, r.line, r.fields[0],
                        "is also on line " + std::to_string(it->second.line));
                continue;
            }
            bundle_.manifest.emplace(r.fields[0], r.fields[1]);
        }
        const auto version = manifest_.find("oneroster.version");
        if (version == manifest_.end()) {
            fail(0, "oneroster.version", "is missing (expected 1.1 or 1.2)");
        }
        const auto parsed = parse_oneroster_version(version->second.value);
        if (!parsed) {
            fail(version->second.line, "oneroster.version",
                 in_quotes(version->second.value) + " is not a version this reader knows (expected "
                                                    "1.1 or 1.2)");
        }
        bundle_.version = *parsed;
    }

    void check_manifest_version() {
        const auto it = manifest_.find("manifest.version");
        if (it == manifest_.end()) {
            problem(manifest_file, 0, "manifest.version", "is missing (expected 1.0)");
        } else if (it->second.value != "1.0") {
            problem(manifest_file, it->second.line, "manifest.version",
                    in_quotes(it->second.value) + " is not 1.0");
        }
    }

    // Checks the file's manifest entry against the bundle and, when it is a file read here and
    // the manifest says it is there, reads and checks it.
    void read_file(const OneRosterFile& spec, DataFiles& files) {
        const bool present = has(spec.name);
        const std::string key(spec.manifest_key);
        const auto entry = manifest_.find(key);
        std::string mode;
        if (entry == manifest_.end()) {
            if (spec.columns.empty() && !present) {
                return; // a file schoolctl does not use, and not here either
            }
            problem(manifest_file, 0, key,
                    present ? "is missing, but the bundle has " + std::string(spec.name) +
                                  " (expected bulk or delta)"
                            : "is missing (expected bulk, delta or absent)");
            mode = present ? "bulk" : "absent";
        } else {
            mode = entry->second.value;
            const std::size_t line = entry->second.line;
            if (mode != "bulk" && mode != "delta" && mode != "absent") {
                problem(manifest_file, line, key,
                        in_quotes(mode) +
                            " is not a processing mode (expected bulk, delta or absent)");
                mode = present ? "bulk" : "absent";
            } else if (mode == "absent" && present) {
                problem(manifest_file, line, key,
                        "is absent, but the bundle has " + std::string(spec.name));
            } else if (mode != "absent" && !present) {
                const std::string other = misspelled(names_, spec.name);
                problem(manifest_file, line, key,
                        "is " + mode + ", but the bundle has no " + std::string(spec.name) +
                            (other.empty() ? ""
                                           : " (there is " + in_quotes(other) +
                                                 "; file names are case-sensitive)"));
            }
        }
        if (mode == "absent" || !present || spec.columns.empty()) {
            return;
        }
        DataFile& file = files[std::string(spec.name)];
        file.spec = &spec;
        file.delta = mode == "delta";
        oneroster::check_file(file, parse_oneroster_csv(source_.read(std::string(spec.name))),
                              bundle_.version, problems_);
    }

    // manifest.csv first, then the files in the spec's order, each by line; problems found for
    // the same line keep the order they were found in (columns left to right).
    void sort_problems() {
        const auto files = oneroster_files(bundle_.version);
        const auto rank = [&](const std::string& file) -> std::size_t {
            if (file == manifest_file) {
                return 0;
            }
            for (std::size_t i = 0; i < files.size(); ++i) {
                if (files[i].name == file) {
                    return i + 1;
                }
            }
            return files.size() + 1;
        };
        std::stable_sort(problems_.begin(), problems_.end(),
                         [&](const BundleProblem& a, const BundleProblem& b) {
                             const std::size_t ra = rank(a.file), rb = rank(b.file);
                             return ra != rb ? ra < rb : a.line < b.line;
                         });
    }

    const BundleSource& source_;
    std::vector<std::string> names_;
    std::map<std::string, ManifestEntry, std::less<>> manifest_;
    OneRosterBundle bundle_;
    Problems problems_;
};

} // namespace

std::string BundleProblem::str() const {
    const std::string where = Location{file, line, field}.str();
    return where.empty() ? reason : where + ": " + reason;
}

OneRosterBundle read_oneroster(const BundleSource& source) {
    return BundleReader(source).read();
}

OneRosterBundle read_oneroster_folder(const std::filesystem::path& folder) {
    const FolderSource source(folder);
    return read_oneroster(source);
}

} // namespace schoolctl::formats
