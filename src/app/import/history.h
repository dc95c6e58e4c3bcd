#pragma once
// What every import leaves behind: its history row and, on request, the rejects file.
#include <cstdint>
#include <string>
#include <vector>

#include "app/import/import_result.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

// Records an applied import (inside its transaction); returns the history id.
std::int64_t record_import(Session& session, const std::string& kind, const std::string& sha256,
                           const ImportSummary& summary);

// The last column of a rejects file; an import of the fixed file ignores it.
inline constexpr const char* rejects_error_column = "Ошибка";

// The rejected rows as the file had them plus an error column, as Excel CSV (UTF-8 BOM, ';'),
// mode 0600, written atomically: fix it and import it again.
void write_rejects_file(const std::string& path, const std::vector<std::string>& header,
                        const std::vector<RowReject>& rejects);

// `schoolctl import history` (permission roster.read).
report::Document import_history(Session& session, std::size_t limit);

}  // namespace schoolctl::app
