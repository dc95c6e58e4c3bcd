#pragma once
// A document of one table with a heading: what listing commands (audit list, token list,
// import history, config show) print through the table, CSV and JSON writers.
#include <string>
#include <utility>
#include <vector>

#include "report/document.h"

namespace schoolctl::report {

inline Document listing(std::string kind, std::string heading, std::vector<Column> columns) {
    Document doc;
    doc.kind = kind;
    Section section;
    section.key = std::move(kind);
    section.heading = std::move(heading);
    section.table.columns = std::move(columns);
    doc.sections.push_back(std::move(section));
    return doc;
}

// The rows of a listing made by listing().
inline std::vector<std::vector<Cell>>& listing_rows(Document& doc) {
    return doc.sections.front().table.rows;
}

}  // namespace schoolctl::report
