#pragma once
// The format-neutral report document. src/app/ builds one; every writer in src/formats/
// renders any document, so no report has format-specific code.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "domain/date.h"

namespace schoolctl::report {

// A fixed-point number: value = scaled / 10^places (e.g. 5804, 2 -> 58.04). Reports compute in
// integer hundredths, so they never print 4.4999999.
struct Decimal {
    std::int64_t scaled = 0;
    int places = 2;
};

using Cell = std::variant<std::monostate, std::string, std::int64_t, Decimal, domain::Date>;

enum class Align { left, center, right };

// The cells of a column a reader's eye must catch: a failing mark, a share of missed lessons
// over the school's threshold. A cell is highlighted when its text is one of `texts`, or when
// it is a number (integer or decimal) below `below` or at least `at_least`. XLSX states the rule
// as a conditional format, so a cell edited later colours itself; the other writers colour the
// cells the rule catches (PDF and HTML: a light red fill; the terminal table: bold unless
// NO_COLOR; CSV and JSON: nothing, the data is the same).
struct Highlight {
    std::vector<std::string> texts;  // "2", "н/а"
    std::optional<Decimal> below;
    std::optional<Decimal> at_least;
};

struct Column {
    Column() = default;
    // NOLINTNEXTLINE(google-explicit-constructor): columns are listed as {"title", 10}
    Column(std::string title_, double width_ = 10, Align align_ = Align::left)
        : title(std::move(title_)), width(width_), align(align_) {}

    std::string title;
    double width = 10;  // relative width in characters, a hint for PDF, XLSX and HTML
    Align align = Align::left;
    std::optional<Highlight> highlight;
};

// A heading over adjacent columns: «Математика» over «I», «II», «III», «IV», «год». Printed as
// a header row above the column titles (XLSX: merged cells); CSV and JSON write the group into
// each column's name («Математика: I»). Groups do not overlap; columns outside every group have
// an empty cell in that row.
struct ColumnGroup {
    std::string title;
    std::size_t first = 0;  // index of the first column
    std::size_t count = 1;
};

struct Table {
    std::vector<Column> columns;
    std::vector<ColumnGroup> groups;      // by first column, or empty
    std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
    // The leading columns that say whose row it is (№, «Ученик»). A page writer that cannot fit
    // the table's width prints it in slices of whole groups, repeating these in each; with none,
    // it squeezes every column onto the page. XLSX freezes them beside the header.
    std::size_t key_columns = 0;
};

// A chart of a section's own table: the categories are the cells of one column, each series
// the cells of another (numbers; an empty cell is a gap). XLSX inserts a native chart that
// refers to the sheet's cells; PDF draws it as vector graphics and HTML as inline SVG, under the
// table; CSV, JSON and the terminal table leave it out (the numbers are in the table).
struct Chart {
    enum class Kind { bar, line };
    Kind kind = Kind::bar;
    std::string title;                        // «Качество знаний по классам, %»
    std::size_t category_column = 0;          // «Класс»
    std::vector<std::size_t> value_columns;   // one series each, named by the column's title
    std::string value_axis;                   // «%»
};

struct MetaItem {
    std::string label;  // «Классный руководитель»
    std::string value;
};

// One part of a report: a class in a class list, a pupil in a report card. PDF and HTML start
// each section on a new page; XLSX gives each its own sheet named by `key`.
struct Section {
    std::string key;      // short name: «5А»; the sheet name and the CSV/JSON section column
    std::string heading;  // «Класс 5А»
    std::vector<MetaItem> meta;
    Table table;
    std::vector<std::string> notes;  // printed under the table
    std::vector<Chart> charts;       // printed under the notes
};

enum class Orientation { portrait, landscape };

struct Document {
    std::string kind;        // "class-list": machine name, used in JSON and file names
    std::string title;       // «Список класса»
    std::string school;      // the school's name, printed on every page
    std::string generated;   // when it was built, already formatted for people
    std::vector<MetaItem> meta;  // document-wide facts: «Учебный год: 2026/27»
    std::string section_key_title;  // the title of the section column in CSV: «Класс»
    std::vector<Section> sections;
    std::vector<std::string> footnotes;
    // Signature lines at the end of each section on paper (PDF, HTML): «Классный руководитель»
    // with a line to sign on and the name when known. From the configuration ([reports]).
    std::vector<MetaItem> signatures;
    Orientation orientation = Orientation::portrait;
};

}  // namespace schoolctl::report
