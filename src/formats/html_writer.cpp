#include "formats/html_writer.h"

#include "formats/cell_text.h"
#include "formats/svg_chart.h"
#include "formats/table_shape.h"

#include <cmath>
#include <string>

namespace schoolctl::formats {
namespace {

// Print CSS: the browser's print dialog should give what the secretary would fill in by hand.
constexpr std::string_view style_common = R"(body {
  font-family: "Liberation Sans", Arial, sans-serif;
  font-size: 10pt;
  color: #000;
  background: #fff;
  margin: 0;
}
.school { margin: 0 0 2mm; font-size: 9pt; }
h1 { margin: 0 0 1mm; font-size: 14pt; }
h2 { margin: 0 0 2mm; font-size: 12pt; }
.meta { margin: 0 0 1mm; font-size: 9pt; }
.meta .label { color: #333; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin-top: 3mm; }
th, td {
  border: 0.5pt solid #000;
  padding: 0.8mm 1.2mm;
  vertical-align: top;
  text-align: left;
  white-space: pre-line;
  overflow-wrap: anywhere;
}
th { background: #e6e6e6; font-weight: bold; }
th.c, td.c { text-align: center; }
th.r, td.r { text-align: right; }
td.n { font-variant-numeric: tabular-nums; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
.note { margin: 2mm 0 0; font-size: 9pt; }
footer { margin-top: 4mm; font-size: 8pt; }
footer p { margin: 0 0 1mm; }
section + section { page-break-before: always; break-before: page; }
@media screen {
  body { max-width: 270mm; margin: 8mm auto; padding: 0 6mm; }
  section + section { margin-top: 12mm; border-top: 1px dashed #999; padding-top: 6mm; }
}
)";

// Added only to pages that use them, so pages without them stay as they were.
constexpr std::string_view style_highlight = R"(td.hl {
  background: #ffc7ce;
  color: #9c0006;
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
)";
constexpr std::string_view style_groups = R"(th.g { text-align: center; }
)";
constexpr std::string_view style_charts = R"(figure.chart { margin: 4mm 0 0; break-inside: avoid; page-break-inside: avoid; }
figure.chart svg { display: block; width: 100%; height: auto; max-height: 90mm; }
)";
constexpr std::string_view style_signatures = R"(.signatures { margin-top: 8mm; break-inside: avoid; page-break-inside: avoid; }
.signature { display: flex; align-items: baseline; gap: 3mm; margin: 0 0 6mm; }
.signature .label { min-width: 60mm; }
.signature .line { display: inline-block; width: 50mm; border-bottom: 0.5pt solid #000; }
)";

bool has_groups(const report::Document& doc) {
    for (const auto& section : doc.sections) {
        if (!group_spans(section.table).empty()) {
            return true;
        }
    }
    return false;
}

void write_extra_style(const report::Document& doc, std::ostream& out) {
    if (has_highlights(doc)) {
        out << style_highlight;
    }
    if (has_groups(doc)) {
        out << style_groups;
    }
    if (has_charts(doc)) {
        out << style_charts;
    }
    if (!doc.signatures.empty()) {
        out << style_signatures;
    }
}

std::string align_class(report::Align align, bool number, bool highlight = false) {
    std::string cls = align == report::Align::right    ? "r"
                      : align == report::Align::center ? "c"
                                                       : "";
    if (number) {
        cls += cls.empty() ? "n" : " n";
    }
    if (highlight) {
        cls += cls.empty() ? "hl" : " hl";
    }
    return cls.empty() ? "" : " class=\"" + cls + "\"";
}

// Percent with two decimals, written by hand so that no locale turns the point into a comma.
std::string percent(double part, double total) {
    const auto basis = static_cast<long>(std::lround(total > 0 ? part / total * 10000.0 : 0.0));
    std::string frac = std::to_string(basis % 100);
    return std::to_string(basis / 100) + "." + (frac.size() < 2 ? "0" : "") + frac + "%";
}

void write_meta(const std::vector<report::MetaItem>& meta, std::ostream& out) {
    for (const auto& item : meta) {
        out << "<p class=\"meta\"><span class=\"label\">" << html_escape(item.label) << ":</span> "
            << html_escape(item.value) << "</p>\n";
    }
}

// A heading over grouped columns; an empty cell over a column outside every group.
void write_group_row(const report::Table& table, std::ostream& out) {
    const auto spans = group_spans(table);
    if (spans.empty()) {
        return;
    }
    out << "<tr>";
    for (const auto& span : spans) {
        out << "<th";
        if (span.count > 1) {
            out << " colspan=\"" << span.count << "\"";
        }
        out << (span.group ? " class=\"g\"" : "") << ">" << html_escape(span.title) << "</th>";
    }
    out << "</tr>\n";
}

// «Классный руководитель ____________ Смирнова О. В.», one line each, kept together.
void write_signatures(const std::vector<report::MetaItem>& signatures, std::ostream& out) {
    if (signatures.empty()) {
        return;
    }
    out << "<div class=\"signatures\">\n";
    for (const auto& item : signatures) {
        out << "<p class=\"signature\"><span class=\"label\">" << html_escape(item.label)
            << "</span><span class=\"line\"></span><span class=\"value\">"
            << html_escape(item.value) << "</span></p>\n";
    }
    out << "</div>\n";
}

void write_table(const report::Table& table, std::ostream& out) {
    double total = 0;
    for (const auto& column : table.columns) {
        total += column.width > 0 ? column.width : 0;
    }
    out << "<table>\n<colgroup>";
    for (const auto& column : table.columns) {
        out << "<col style=\"width: " << percent(column.width > 0 ? column.width : 0, total)
            << "\">";
    }
    out << "</colgroup>\n<thead>\n";
    write_group_row(table, out);
    out << "<tr>";
    for (const auto& column : table.columns) {
        out << "<th" << align_class(column.align, false) << ">" << html_escape(column.title)
            << "</th>";
    }
    out << "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : table.rows) {
        out << "<tr>";
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            const report::Cell empty;
            const auto& cell = c < row.size() ? row[c] : empty;
            out << "<td" << align_class(table.columns[c].align, is_number(cell),
                                        caught(table, c, cell))
                << ">"
                << html_escape(cell_text(cell, TextStyle::ru)) << "</td>";
        }
        out << "</tr>\n";
    }
    out << "</tbody>\n</table>\n";
}

void write_section(const report::Document& doc, const report::Section& section, std::ostream& out) {
    out << "<section>\n<header>\n";
    if (!doc.school.empty()) {
        out << "<p class=\"school\">" << html_escape(doc.school) << "</p>\n";
    }
    if (!doc.title.empty()) {
        out << "<h1>" << html_escape(doc.title) << "</h1>\n";
    }
    if (!section.heading.empty()) {
        out << "<h2>" << html_escape(section.heading) << "</h2>\n";
    }
    write_meta(doc.meta, out);
    write_meta(section.meta, out);
    out << "</header>\n";
    if (!section.table.columns.empty()) {
        write_table(section.table, out);
    }
    for (const auto& note : section.notes) {
        out << "<p class=\"note\">" << html_escape(note) << "</p>\n";
    }
    for (const auto& chart : section.charts) {
        write_svg_chart(section.table, chart, out);
    }
    write_signatures(doc.signatures, out);
    out << "</section>\n";
}

} // namespace

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
        case '&':
            out += "&amp;";
            break;
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '"':
            out += "&quot;";
            break;
        case '\'':
            out += "&#39;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

void write_html(const report::Document& doc, std::ostream& out) {
    const bool landscape = doc.orientation == report::Orientation::landscape;
    std::string title = doc.title;
    if (!doc.school.empty()) {
        title += (title.empty() ? "" : " — ") + doc.school;
    }
    out << "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
        << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        << "<meta name=\"generator\" content=\"schoolctl\">\n"
        << "<title>" << html_escape(title) << "</title>\n<style>\n"
        << "@page { size: A4 " << (landscape ? "landscape" : "portrait") << "; margin: 12mm; }\n"
        << style_common;
    write_extra_style(doc, out);
    out << "</style>\n</head>\n<body>\n";
    if (doc.sections.empty()) {
        write_section(doc, report::Section{}, out);
    }
    for (const auto& section : doc.sections) {
        write_section(doc, section, out);
    }
    if (!doc.footnotes.empty() || !doc.generated.empty()) {
        out << "<footer>\n";
        for (const auto& note : doc.footnotes) {
            out << "<p class=\"footnote\">" << html_escape(note) << "</p>\n";
        }
        if (!doc.generated.empty()) {
            out << "<p class=\"generated\">Сформировано: " << html_escape(doc.generated)
                << "</p>\n";
        }
        out << "</footer>\n";
    }
    out << "</body>\n</html>\n";
}

} // namespace schoolctl::formats
