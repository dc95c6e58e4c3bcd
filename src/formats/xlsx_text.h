#pragma once
// How XLSX cell values become the text an import reads, spelled the way a person saw them in
// Excel: 12 not 12.000000, 0.3 not 0.30000000000000004, dates as 2012-03-15 rather than the
// serial day number Excel stores. Internal to the XLSX reader.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::formats::xlsx {

// Excel's limit for the text of one cell, in UTF-16 code units (what Excel counts).
constexpr std::size_t max_cell_chars = 32767;
// The raw XML text of one value is refused past this while it is read, before any decoding:
// room for 32,767 characters each written as a 7-byte "_xHHHH_" escape.
constexpr std::size_t max_cell_bytes = std::size_t{256} << 10;

// What a numeric cell's number format makes of it.
enum class NumberKind : std::uint8_t { number, date, time };

// Excel's built-in formats 14-22 (dates, date-times, times) and 45-47 (times).
NumberKind builtin_format_kind(std::uint32_t id);
// A custom format is a date or time when it has d, m, y, h or s outside quotes, escapes and
// brackets; [h], [mm] and [ss] (elapsed time) count as time. Time without a day, month or
// year is a time.
NumberKind format_code_kind(std::string_view code);

// The number in a <v> element (XML Schema double: "12", "-4.5", "1.5E-3"); nullopt for
// anything else.
std::optional<double> parse_number(std::string_view raw);

// The shortest text that reads back as the same number at Excel's precision (15 significant
// digits): "12", "4.5", "0.3", "1000000", "1e+20". Text that is not a number comes back as is.
std::string number_text(std::string_view raw);
std::string number_text(double value);

// A serial day number as Excel shows it (1900 system with its fictitious 1900-02-29, or 1904):
// "2012-03-15", "2012-03-15 08:30:00" when there is a time of day, "08:30:00" for a time
// format below one day. nullopt when it is no day of the years 1900-9999 (Excel shows ####).
std::optional<std::string> serial_date_text(double serial, bool date1904, NumberKind kind);

// The ISO 8601 text of a t="d" cell: "2012-03-15T00:00:00" reads "2012-03-15", a time of day
// "2012-03-15 08:30:00"; anything else is returned as is.
std::string iso_date_text(std::string_view raw);

// Decodes the "_xHHHH_" escapes OOXML writes for control characters (and "_x005F_" for a
// literal underscore), in place.
void decode_escapes(std::string& text);

std::size_t utf16_length(std::string_view utf8);

} // namespace schoolctl::formats::xlsx
