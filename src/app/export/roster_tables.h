#pragma once
// The roster as the tables `schoolctl import` reads back: one per import kind, headed by the
// importer's own field names, references spelled the way the importers resolve them (a
// person's id, else the full name; a subject's code; a class as 5А; a group by name).
// The CSV folder and the workbook are both written from these.
#include "app/export/roster_snapshot.h"
#include "report/document.h"

#include <string>
#include <vector>

namespace schoolctl::app {

struct RosterTable {
    std::string kind;                // "students": the import kind, the file and sheet name
    std::vector<std::string> header; // field names of the `import` of that kind
    std::vector<std::vector<report::Cell>> rows;
};

struct RosterTables {
    std::vector<RosterTable> tables; // in the order an import needs them
    std::vector<std::string> warnings;
};

RosterTables roster_tables(const RosterSnapshot& roster);

// The kinds in the order an import needs them: subjects, staff, classes, students, guardians,
// groups, assignments.
const std::vector<std::string>& roster_kinds();

// The fields the export writes for `kind`, in its own order. The header follows the
// importer's order instead; a kind with no importer registered keeps this one.
std::vector<std::string> exported_fields(const std::string& kind);

} // namespace schoolctl::app
