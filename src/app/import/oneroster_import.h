#pragma once
// `schoolctl import oneroster PATH`: a OneRoster 1.1 or 1.2 CSV bundle, zipped or in a folder,
// checked against the spec and then imported as the roster tables it maps to
// (app/import/bundle_tables.h), all in one transaction.
#include <string>
#include <vector>

#include "app/import/pipeline.h"
#include "formats/oneroster_bundle.h"

namespace schoolctl::app {

struct OneRosterImport {
    std::string bundle;  // the path as given
    std::string version; // "1.1" or "1.2"
    std::string school;  // the org imported: "sourcedId (name)"
    // Where the bundle breaks the spec; when there are any nothing is imported.
    std::vector<formats::BundleProblem> problems;
    PartsSummary result;
};

// The request's dry run and max rejects apply; `org` picks the school of a bundle that holds
// several (empty: its only school).
OneRosterImport import_oneroster(Session& session, const ImportRequest& request,
                                 const std::string& path, const std::string& org);

}  // namespace schoolctl::app
