#pragma once
// Where an import's rows come from: a CSV file or a worksheet of an XLSX workbook, chosen by
// the file's content (a zip is a workbook), not only by its extension. Every import reads its
// rows through this, so each one takes the same --format, --encoding, --delimiter and --sheet.
#include <memory>
#include <optional>
#include <string>

#include "formats/csv_reader.h"

namespace schoolctl::app {

// TOML: a list of [[lesson]]-style tables, chosen by a .toml name (see formats/toml_records.h).
enum class SourceFormat { automatic, csv, xlsx, toml };

struct SourceOptions {
    std::string file;  // a path, or "-" for standard input (CSV only)
    SourceFormat format = SourceFormat::automatic;
    std::string encoding = "auto";     // CSV only
    std::optional<char> delimiter;     // CSV only
    std::optional<std::string> sheet;  // XLSX only: a name or a 1-based number
    std::string toml_array = "row";    // TOML only: the name of the array of tables
};

class RowSource {
public:
    virtual ~RowSource() = default;
    // The name errors cite: the path as given, "<stdin>", or "book.xlsx[Лист1]".
    virtual const std::string& file() const = 0;
    virtual const formats::CsvRecord& header() const = 0;
    // The next non-blank record; false at the end.
    virtual bool next(formats::CsvRecord& record) = 0;
    // SHA-256 of the file's bytes; valid once next() has returned false.
    virtual std::string sha256() = 0;
    // How the file was read, for --verbose: "CSV, windows-1251, ';'" or "XLSX, sheet «Лист1»".
    virtual std::string description() const = 0;
};

// Whether the options mean a TOML file: --format toml, or a .toml name with no --format.
bool is_toml_source(const SourceOptions& options);

// Errors: a missing file exits 66; an old binary .xls, or a format the options contradict, 65.
std::unique_ptr<RowSource> open_row_source(const SourceOptions& options);

}  // namespace schoolctl::app
