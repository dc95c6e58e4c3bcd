#pragma once
// `schoolctl export roster`: the school's current roster (subjects, staff, classes, pupils,
// guardians, groups, who teaches what) as files that `schoolctl import` reads back into the
// same data, or as a OneRoster bundle for other systems.
#include "app/session.h"
#include "formats/oneroster_spec.h"

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace schoolctl::app {

enum class RosterFormat { csv, xlsx, oneroster };

struct RosterExportRequest {
    RosterFormat format = RosterFormat::csv;
    std::string out; // csv, oneroster: a folder; xlsx: a file, or a directory for roster.xlsx
    formats::OneRosterVersion oneroster_version = formats::OneRosterVersion::v1_1;
};

struct RosterExportSummary {
    std::string written; // the folder or file, as given
    // Rows per kind in the order an import needs them: {"subjects", 14}, ..., {"assignments", 9}.
    std::vector<std::pair<std::string, std::size_t>> counts;
    std::vector<std::string> warnings; // what the export left out, and why
};

// Permission roster.read. Reads the roster and writes it in one transaction and records the
// export in the audit log (format, destination, counts; never the data). A OneRoster --out
// ending in .zip is a usage error: the bundle is written as a folder.
RosterExportSummary export_roster(Session& session, const RosterExportRequest& request);

} // namespace schoolctl::app
