#pragma once
// The format-neutral report document. src/app/ builds one; every writer in src/formats/
// renders any document, so no report has format-specific code.
#include <cstdint>
#include <string>
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

struct Column {
    std::string title;
    double width = 10;  // relative width in characters, a hint for PDF, XLSX and HTML
    Align align = Align::left;
};

struct Table {
    std::vector<Column> columns;
    std::vector<std::vector<Cell>> rows;  // each row has columns.size() cells
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
    Orientation orientation = Orientation::portrait;
};

}  // namespace schoolctl::report
