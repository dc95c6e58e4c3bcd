#pragma once
// A report as plain text for a terminal: per section a heading, then columns padded to a common
// display width, numbers right-aligned.
#include "report/document.h"

#include <cstddef>
#include <ostream>
#include <string_view>

namespace schoolctl::formats {

// With `color`, cells a column's highlight catches are bold (ANSI); without, plain text only.
void write_table(const report::Document& doc, std::ostream& out, bool color = false);

// Terminal columns a UTF-8 string takes: one per code point (Cyrillic is two bytes but one
// column), none for combining marks.
std::size_t display_width(std::string_view utf8);

} // namespace schoolctl::formats
