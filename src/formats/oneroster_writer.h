#pragma once
// Writes a OneRosterBundle as a OneRoster 1.1 or 1.2 CSV bundle: manifest.csv and one file per
// kind of record, in bulk mode (status and dateLastModified blank), RFC 4180 with CRLF line
// ends, UTF-8 without a BOM, the spec's columns in the spec's order. Reading the result back
// gives the same records.
//
// A bundle read as one version can be written as the other. Roles are translated: 1.1's
// administrator is 1.2's districtAdministrator (in a district org) or siteAdministrator, and
// 1.2's principal, siteAdministrator, districtAdministrator and systemAdministrator are 1.1's
// administrator. What the target version cannot say is refused or left out:
// - to 1.1: a user with no role, with roles that differ between orgs, or with a role 1.1 has no
//   word for (counselor) is refused (Error data); the 1.2-only user columns are dropped, and a
//   sex of unspecified or other is written blank;
// - to 1.2: nothing is lost; roles.csv gets made-up sourcedIds ("u-1-role-1") where the
//   bundle has none.
#include "formats/oneroster_bundle.h"

#include <filesystem>
#include <string>
#include <vector>

namespace schoolctl::formats {

struct OneRosterFileText {
    std::string name; // "users.csv"
    std::string bytes;
};

// The bundle's files in memory: manifest.csv first, then each kind of record the bundle has
// (an empty kind is "absent" in the manifest and has no file). Manifest properties other than
// the versions and file.* entries (source.systemName, ...) are kept.
std::vector<OneRosterFileText> render_oneroster(const OneRosterBundle& bundle,
                                                OneRosterVersion version);

// Writes the files into a new folder `folder` (mode 0700, files 0600): into a temporary folder
// next to it first, renamed into place only when every file is on disk, so a failure leaves
// nothing half-written. An existing `folder` is replaced only when it is empty or holds nothing
// but a OneRoster bundle (manifest.csv and CSV files); anything else is refused
// (Error cant_create) rather than deleted.
void write_oneroster_folder(const OneRosterBundle& bundle, OneRosterVersion version,
                            const std::filesystem::path& folder);

} // namespace schoolctl::formats
