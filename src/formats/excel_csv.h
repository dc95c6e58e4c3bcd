#pragma once
// Rows of "CSV UTF-8" as Russian Excel saves it and `schoolctl import` reads it: a byte order
// mark first, ';' between fields, lines ending in CRLF, a field in double quotes (doubled
// inside) only when it holds ';', '"', CR or LF. Text is written as it is: the caller decides
// what a cell holds (the report writers in csv_writer guard against formulas; files of
// generated data are meant to be imported, not opened by a spreadsheet first).
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

inline constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

void append_excel_csv_row(std::string& out, std::initializer_list<std::string_view> fields);
void append_excel_csv_row(std::string& out, const std::vector<std::string>& fields);

} // namespace schoolctl::formats
