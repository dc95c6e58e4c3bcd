#pragma once
// Inside the OneRoster reader: one data file's rows between parsing and the typed records, and
// the checks run on them. Not for use outside oneroster_reader.cpp and its tests.
#include "formats/oneroster_bundle.h"
#include "formats/oneroster_csv.h"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace schoolctl::formats::oneroster {

struct DataFile {
    const OneRosterFile* spec = nullptr;
    bool delta = false;  // the manifest says delta; otherwise bulk
    bool usable = false; // read, and its header is the spec's: rows can be taken by position
    // Data rows with exactly the spec's columns (extension columns cut off); rows with the wrong
    // number of fields are left out.
    std::vector<OneRosterCsvRow> rows;
    std::unordered_map<std::string, std::size_t> ids; // sourcedId -> line of its first row

    // The value of `column` in `row`; the column must be one of the spec's.
    const std::string& get(const OneRosterCsvRow& row, std::string_view column) const;
};

// The data files that were read, by name ("users.csv").
using DataFiles = std::map<std::string, DataFile, std::less<>>;

using Problems = std::vector<BundleProblem>;

// Column and file names are case-sensitive; this finds the near misses worth pointing out.
bool equal_ignoring_case(std::string_view a, std::string_view b);

// Checks the parsed text of `file` (the header against the spec, then every row's values) and
// fills file.rows and file.ids. `version` names the other version's header when a file has it.
void check_file(DataFile& file, OneRosterCsvText text, OneRosterVersion version,
                Problems& problems);

// Every reference between the files: a class's course, an enrollment's user, a user's agents.
// Bulk bundles must be complete; a reference from or into a delta file may name a record the
// receiver already has, so it is not checked.
void check_references(const DataFiles& files, OneRosterVersion version, Problems& problems);

// The typed records of every usable file.
void build_records(const DataFiles& files, OneRosterBundle& bundle);

} // namespace schoolctl::formats::oneroster
