#pragma once
// A report chart as inline SVG for the HTML print form: self-contained, no scripts, scaled to
// the page's width by its viewBox.
#include "report/document.h"

#include <ostream>

namespace schoolctl::formats {

void write_svg_chart(const report::Table& table, const report::Chart& chart, std::ostream& out);

} // namespace schoolctl::formats
