#pragma once
// A report as an Excel workbook: one sheet per section with real cells (numbers, dates), a
// frozen and filterable header row and a print setup for A4.
#include "report/document.h"

#include <cstddef>
#include <ctime>
#include <filesystem>

namespace schoolctl::formats {

struct XlsxOptions {
    std::time_t created = 0; // workbook creation time; 0 = now
    // Above this many cells, rows stream to disk (libxlsxwriter's constant_memory): ~5 MB
    // instead of ~230 MB for 2M cells, at the price of inline strings (~13% larger files).
    std::size_t constant_memory_cells = 200'000;
};

// Writes (and overwrites) the file at `path`, not atomically: write_report_file() is the safe
// way. A file that cannot be created is Error(cant_create); every libxlsxwriter failure after
// that is Error(io) naming the file and, for cells, the sheet and cell.
void write_xlsx(const report::Document& doc, const std::filesystem::path& path,
                const XlsxOptions& options);

} // namespace schoolctl::formats
