#pragma once
// One worksheet's XML turned into rows of text as expat reaches the end of each <row>: the
// parser suspends there, so a reader holds one row at a time however long the sheet is.
// Internal to the XLSX reader.
#include "formats/csv_reader.h"
#include "formats/xlsx_shared_strings.h"
#include "formats/xlsx_styles.h"
#include "formats/xlsx_xml.h"
#include "util/error.h"

#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::formats::xlsx {

// Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD).
constexpr std::size_t max_rows = 1'048'576;
constexpr std::size_t max_columns = 16'384;

// "A", "Z", "AA", "XFD" for 0, 25, 26, 16383.
std::string column_name(std::size_t column);

class SheetParser : public XmlParser {
  public:
    // `label` names the sheet in errors about cells: "pupils.xlsx[Лист1]".
    SheetParser(const ZipArchive& zip, const std::string& part, std::string label,
                const SharedStrings& strings, const CellStyles& styles, bool date1904);

    // Moves the row completed last into `record`, trading storage with it rather than
    // copying; false when no row is waiting.
    bool take(CsvRecord& record);

  protected:
    void on_start(std::string_view name, const char** attributes) override;
    void on_end(std::string_view name) override;
    void on_text(std::string_view text) override;

  private:
    void start_row(const char** attributes);
    void start_cell(const char** attributes);
    void end_cell();
    void end_row();
    std::string& field(std::size_t column);
    Error cell_error(const std::string& message) const;

    std::string label_;
    const SharedStrings& strings_;
    const CellStyles& styles_;
    bool date1904_;

    bool started_ = false; // the root element was seen
    bool in_data_ = false; // inside <sheetData>
    std::size_t row_ = 0;  // 1-based number of the current (or last) row
    std::size_t column_ = 0, next_column_ = 0;
    std::string type_; // the cell's t attribute
    std::size_t style_ = 0;
    std::string value_; // the raw text of <v>, or of <is><t> for an inline string
    bool collecting_ = false;
    bool in_inline_ = false;
    int phonetic_ = 0;

    std::vector<std::string> fields_; // the row being built; storage reused
    std::size_t count_ = 0;           // fields of it in use
    bool ready_ = false;
};

} // namespace schoolctl::formats::xlsx
