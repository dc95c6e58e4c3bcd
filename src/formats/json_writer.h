#pragma once
// A report as JSON for programs: the document's structure kept (sections, meta, notes), cells
// typed (numbers as numbers, dates as ISO strings, empty cells null).
#include "report/document.h"

#include <ostream>

namespace schoolctl::formats {

// Pretty-printed with two spaces and a trailing newline. A Decimal is printed with exactly its
// places (58.10 stays 58.10), never through a binary double.
void write_json(const report::Document& doc, std::ostream& out);

} // namespace schoolctl::formats
