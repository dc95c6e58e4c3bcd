#pragma once
// Where a workbook's sheets are: workbook.xml and the relationships (OPC) that lead from the
// package to it and from it to the sheets, the shared strings and the styles. Also tells a
// workbook from the other zips that get picked by mistake. Internal to the XLSX reader.
#include "formats/zip_archive.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats::xlsx {

// Workbook-level parts are small; a limit keeps a hostile one from costing much.
constexpr std::uint64_t max_part_bytes = std::uint64_t{16} << 20;

struct SheetEntry {
    std::string name;
    std::string part; // "xl/worksheets/sheet1.xml"; empty when its relationship is missing
};

struct Workbook {
    std::string part;               // "xl/workbook.xml"
    std::vector<SheetEntry> sheets; // worksheets only (no chart sheets), in workbook order
    bool date1904 = false;          // serial days count from 1904 (old Mac Excel)
    std::string shared_strings;     // part name; empty when the workbook has none
    std::string styles;             // part name; empty when the workbook has none
};

// ExitCode::data when the zip is no workbook (a .docx, .ods, .xlsb, a OneRoster bundle).
Workbook read_workbook(const ZipArchive& zip);

// The part a relationship target names: absolute ("/xl/worksheets/sheet1.xml") or relative to
// the directory of the part that has the relationship ("xl/"), percent-escapes decoded.
// Empty when it climbs out of the package.
std::string resolve_target(std::string_view source_dir, std::string_view target);

} // namespace schoolctl::formats::xlsx
