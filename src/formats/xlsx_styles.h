#pragma once
// Which cell styles (xl/styles.xml) show a number as a date or a time: Excel stores a date as
// a serial day number, and only the style's number format says it is one. Internal to the XLSX
// reader.
#include "formats/xlsx_text.h"
#include "formats/zip_archive.h"

#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::formats::xlsx {

// What each cell style (an index into cellXfs, the `s` attribute of a cell) does to a number.
class CellStyles {
  public:
    void load(const ZipArchive& zip, const std::string& part);
    // NumberKind::number for a style the workbook does not define.
    NumberKind kind(std::size_t style) const {
        return style < kinds_.size() ? kinds_[style] : NumberKind::number;
    }

  private:
    std::vector<NumberKind> kinds_;
};

} // namespace schoolctl::formats::xlsx
