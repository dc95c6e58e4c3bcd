#pragma once
// A report as one self-contained HTML5 page that prints like the paper form: A4, ruled tables,
// the table header repeated on every printed page, each section on a new sheet.
#include "report/document.h"

#include <ostream>
#include <string>
#include <string_view>

namespace schoolctl::formats {

void write_html(const report::Document& doc, std::ostream& out);

// &, <, >, " and ' as entities: safe in text and in attribute values.
std::string html_escape(std::string_view text);

} // namespace schoolctl::formats
