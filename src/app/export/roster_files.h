#pragma once
// The roster tables as files an import reads back: a folder of CSV files, one per kind, or one
// workbook with a sheet per kind.
#include "app/export/roster_tables.h"
#include "report/document.h"

#include <ctime>
#include <filesystem>
#include <vector>

namespace schoolctl::app {

// One section per table, keyed (and so the sheet named) by its kind; no title, school or notes,
// so the header is the first row with text, where the importers look for it.
report::Document roster_document(const std::vector<RosterTable>& tables);

// KIND.csv for every table in `folder` (created, mode 0700, if it does not exist; its parent
// must): ';'-separated UTF-8 with a BOM, mode 0600. Every file is complete on disk under a
// temporary name before the first is renamed into place, so a failure while writing leaves no
// file changed. Errors: cant_create (folder missing or not writable, not a folder), io.
void write_roster_csv(const std::vector<RosterTable>& tables, const std::filesystem::path& folder);

// The workbook, written atomically with mode 0600; returns the path written (`path`, or
// roster.xlsx inside it when it is a directory).
std::filesystem::path write_roster_xlsx(const std::vector<RosterTable>& tables,
                                        const std::filesystem::path& path, std::time_t created);

} // namespace schoolctl::app
