#pragma once
// A TOML file of records — an array of tables such as [[lesson]] — read as the rows of a table,
// so a file written by hand goes through the same import as a CSV. Each key becomes a column
// (in the order keys first appear), each table a record on the line it starts.
#include <string>
#include <string_view>
#include <vector>

#include "formats/csv_reader.h"

namespace schoolctl::formats {

struct TomlRecords {
    CsvRecord header;  // line 0
    std::vector<CsvRecord> records;
    std::string sha256;
};

// Values may be strings, integers, booleans or dates (written back as YYYY-MM-DD). Errors: exit
// 66 for a file that cannot be read; 65 naming FILE:LINE for TOML syntax, a top-level key other
// than `array`, or a value that is a table or an array.
TomlRecords read_toml_records(const std::string& path, std::string_view array);

}  // namespace schoolctl::formats
