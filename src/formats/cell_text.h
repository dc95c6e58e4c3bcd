#pragma once
// Cells as text, shared by every text-producing writer so that 58.04 is spelled the same way in
// CSV, JSON, HTML, PDF and the terminal.
#include "report/document.h"

#include <string>

namespace schoolctl::formats {

// ru: what people read in Russia (58,04 and 01.09.2026); iso: what programs read (58.04 and
// 2026-09-01).
enum class TextStyle { ru, iso };

// Exactly `places` digits after the point: {5810, 2} -> "58.10", {-5, 2} -> "-0.05".
std::string decimal_text(const report::Decimal& d, char point = '.');

// The nearest double, for formats that store binary numbers (XLSX).
double decimal_value(const report::Decimal& d);

// Empty for an empty cell.
std::string cell_text(const report::Cell& cell, TextStyle style);

bool is_number(const report::Cell& cell);

} // namespace schoolctl::formats
