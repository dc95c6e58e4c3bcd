#pragma once
// RFC 4180 text in memory, the way OneRoster uses it: comma, double quotes, UTF-8. The bundle's
// files come from a folder or from zip entries, so they are parsed from a string rather than
// through CsvReader (which reads a file descriptor and guesses delimiters and encodings that a
// OneRoster file may not use).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

struct OneRosterCsvRow {
    std::size_t line = 0; // 1-based physical line where the record starts
    std::vector<std::string> fields;
    // Why the row is not well-formed RFC 4180 (text after a closing quote); empty when it is.
    std::string malformed;
};

struct OneRosterCsvText {
    std::vector<OneRosterCsvRow> rows; // the header is rows[0]; empty lines are left out
    // Set when the text cannot be split into rows at all: not UTF-8, or a quote never closed.
    // Rows before the failure are kept.
    std::optional<std::size_t> error_line;
    std::string error;
};

// Splits `text` into rows. A UTF-8 BOM is skipped; CRLF, LF and a lone CR end a line.
OneRosterCsvText parse_oneroster_csv(std::string_view text);

// Appends one row, quoting the fields that need it, and a CRLF (RFC 4180's line break).
void append_oneroster_csv_row(std::string& out, const std::vector<std::string>& fields);

// Items of a list field ("09,10"), each without surrounding spaces; none for a blank field.
std::vector<std::string> split_oneroster_list(std::string_view field);
std::string join_oneroster_list(const std::vector<std::string>& items);

} // namespace schoolctl::formats
