#pragma once
// Native Excel charts for report charts: the series refer to the section sheet's cells, so the
// chart follows when someone corrects a number.
#include "report/document.h"

#include <string>
#include <xlsxwriter.h>

namespace schoolctl::formats {

// Where the section's table sits on its sheet.
struct TableRows {
    lxw_row_t titles = 0; // the column-title row
    lxw_row_t first = 0;  // data rows, inclusive
    lxw_row_t last = 0;
};

// A chart of `table` on sheet `sheet`, not yet inserted; nullptr when libxlsxwriter cannot make
// one (out of memory). A chart without any usable value column has no series.
lxw_chart* make_xlsx_chart(lxw_workbook* book, const std::string& sheet,
                           const report::Table& table, const report::Chart& chart,
                           const TableRows& rows);

// Chart titles and axis names starting with '=' would be read as a formula: one space first.
std::string chart_label(const std::string& text);

} // namespace schoolctl::formats
