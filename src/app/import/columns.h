#pragma once
// Mapping a file's header to the fields an import knows, by built-in Russian and English
// aliases («Фамилия» / last_name). Headers compare case-insensitively with ё = е.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "formats/mapping_reader.h"

namespace schoolctl::app {

struct FieldSpec {
    std::string name;                  // "last_name": the field as errors name it
    std::vector<std::string> aliases;  // accepted headers besides the name itself
    bool required = false;
};

struct ColumnMap {
    std::vector<std::optional<std::size_t>> index;  // per FieldSpec: column in the file
    std::vector<std::string> unknown_headers;       // columns no field claims

    std::optional<std::size_t> column(std::size_t field) const { return index[field]; }
};

// Throws exit 65 naming the file, line 1 and the missing field (with its accepted headers)
// when a required field has no column, or when two columns claim one field. A --mapping file
// names the column of a field outright; its mistakes (an unknown field, a header the file does
// not have) exit 78 with the mapping file's line.
ColumnMap map_columns(const std::vector<FieldSpec>& fields, const std::vector<std::string>& header,
                      const std::string& file, std::size_t header_line = 1,
                      const formats::ColumnMapping* mapping = nullptr);

}  // namespace schoolctl::app
