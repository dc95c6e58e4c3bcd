#pragma once
// Line breaking for PDF table cells and paragraphs: breaks at spaces and after hyphens
// («Петрова-|Водкина»), between characters only when a piece is wider than the line.
#include "formats/pdf_canvas.h"

#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

// Greedy wrap to max_width. One line per '\n'-separated paragraph at least; none for "".
std::vector<std::string> wrap_lines(const PdfCanvas& canvas, std::string_view text, Face face,
                                    float size, float max_width);

// The widest piece that wrap_lines() would not break: what decides whether a smaller font
// would save a narrow column from breaking words between letters.
float widest_piece(const PdfCanvas& canvas, std::string_view text, Face face, float size);

} // namespace schoolctl::formats
