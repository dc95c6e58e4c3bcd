#pragma once
// `schoolctl import students`: pupils and their classes from a CSV file.
// read -> map columns -> validate every row -> plan -> apply in one transaction.
#include <optional>
#include <string>

#include "app/import/import_result.h"
#include "app/session.h"

namespace schoolctl::app {

struct ImportStudentsRequest {
    std::string file;  // path, or "-" for stdin
    std::string encoding = "auto";
    std::optional<char> delimiter;
    bool dry_run = false;
    std::size_t max_rejects = 0;  // apply the good rows when at most this many are rejected
    std::optional<std::string> rejects_file;  // original fields + an error column, for fixing
};

// Rejected rows stop the import (nothing written); the summary lists them.
ImportSummary import_students(Session& session, const ImportStudentsRequest& request);

}  // namespace schoolctl::app
