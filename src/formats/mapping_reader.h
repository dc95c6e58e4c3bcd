#pragma once
// An import's --mapping file: which column of the school's file holds which field, for files
// whose headers the built-in aliases do not know.
//
//   [columns]
//   last_name  = "Фамилия ученика"
//   birth_date = "ДР"
//   [ignore]
//   columns = ["№ п/п", "Примечание"]
//
// Field names are checked by the import that uses the mapping; this reads and shapes the file.
#include <cstddef>
#include <string>
#include <vector>

namespace schoolctl::formats {

struct MappedColumn {
    std::string field;   // "last_name"
    std::string header;  // "Фамилия ученика"
    std::size_t line = 0;
};

struct ColumnMapping {
    std::string file;
    std::vector<MappedColumn> columns;
    std::vector<std::string> ignored;  // headers read on purpose by nothing (no warning)
};

// Errors: a missing file exits 66; TOML syntax, an unknown table or key, or a value that is
// not text exits 78, naming the file and line.
ColumnMapping read_mapping(const std::string& path);

}  // namespace schoolctl::formats
