#pragma once
// A report chart drawn on a PDF page as vector graphics (the layout is chart_layout's).
#include "formats/pdf_canvas.h"
#include "report/document.h"

namespace schoolctl::formats {

// Draws into the box whose top left corner is `top_left` (page coordinates, y up).
void draw_pdf_chart(PdfCanvas& canvas, const report::Table& table, const report::Chart& chart,
                    Point top_left, float width, float height);

} // namespace schoolctl::formats
