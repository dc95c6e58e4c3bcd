#pragma once
// A report as one flat CSV table: the sections' rows one after another, with the section's key
// in a first column so that a spreadsheet can filter by it.
#include "report/document.h"

#include <ostream>

namespace schoolctl::formats {

// excel: what Russian Excel opens with a double click (';', UTF-8 BOM, 01.09.2026, 58,04);
// rfc4180: what programs expect (',', no BOM, 2026-09-01, 58.04). Both end lines with CRLF.
enum class CsvDialect { excel, rfc4180 };

// Columns are matched across sections by title, so sections with different columns still give
// one table (a cell a section lacks is empty).
void write_csv(const report::Document& doc, std::ostream& out, CsvDialect dialect);

} // namespace schoolctl::formats
