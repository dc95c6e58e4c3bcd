#pragma once
// Reads one sheet of an Excel workbook (.xlsx, as Excel, LibreOffice, libxlsxwriter and
// openpyxl write it) as rows of text, the way CsvReader reads a CSV: fields are UTF-8 text as
// a person saw them in the sheet (numbers "12" and "4.5", dates "2012-03-15", booleans "TRUE",
// errors "#N/A"), and what the columns mean is the import layer's business.
//
// The sheet streams: rows come out as the XML inflates, so a 100,000-row sheet is never held
// whole. Workbooks come from outside and may be hostile; every limit is checked while reading.
#include "formats/csv_reader.h"
#include "formats/zip_archive.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::formats {

// (Not "XlsxOptions": that name belongs to the XLSX writer.)
struct XlsxReadOptions {
    // A sheet name, or a 1-based position given as digits ("2"); a sheet named "2" wins over
    // the second sheet. Default: the first worksheet in workbook order.
    std::optional<std::string> sheet;
    // Limits for hostile files; tests lower them.
    ZipLimits zip;
    std::uint64_t max_shared_strings_bytes = std::uint64_t{64} << 20; // inflated XML
};

// The worksheets' names in workbook order (chart sheets are not worksheets).
std::vector<std::string> xlsx_sheet_names(const std::string& path,
                                          const XlsxReadOptions& options = {});

// Errors: a missing or unreadable file is ExitCode::no_input; "-" (standard input, which
// cannot seek) ExitCode::usage; everything about the content ExitCode::data, naming the file:
// not a zip, not a workbook, a sheet that does not exist (the message lists those that do), a
// zip bomb or too many entries, a DOCTYPE in any part, a cell over 32,767 characters (at
// "file[sheet]:row: cell"), malformed XML, an empty sheet.
class XlsxReader {
  public:
    // Reads up to and including the header row.
    explicit XlsxReader(const std::string& path, const XlsxReadOptions& options = {});
    XlsxReader(XlsxReader&&) noexcept;
    XlsxReader& operator=(XlsxReader&&) noexcept;
    ~XlsxReader();

    // What errors about rows cite: the path as given and the sheet, "pupils.xlsx[Лист1]".
    const std::string& file() const;
    const std::string& sheet() const;
    // The first row with any text; header fields are trimmed (spaces, no-break spaces),
    // data fields are not. `line` is the spreadsheet's row number.
    const CsvRecord& header() const;

    // The next row with any text into `record` (its storage is reused): `line` is the row
    // number, a cell absent between two others is an empty field, empty cells at the end are
    // dropped. False at the end of the sheet.
    bool next(CsvRecord& record);

    // SHA-256 (hex) of the file's bytes, for the import history.
    std::string sha256() const;

  private:
    struct State;
    std::unique_ptr<State> state_;
};

} // namespace schoolctl::formats
