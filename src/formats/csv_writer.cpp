#include "formats/csv_writer.h"

#include "formats/cell_text.h"
#include "formats/table_shape.h"

#include <algorithm>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace schoolctl::formats {
namespace {

// A column is known by its title and which occurrence of that title it is, so that two
// «Оценка» columns in one section stay two columns.
using ColumnKey = std::pair<std::string, int>;

struct FlatLayout {
    std::vector<std::string> titles;
    std::vector<std::vector<std::size_t>> positions; // [section][column] -> flat column
};

FlatLayout flatten(const report::Document& doc) {
    FlatLayout layout;
    std::map<ColumnKey, std::size_t> index;
    for (const auto& section : doc.sections) {
        std::map<std::string, int> seen;
        auto& pos = layout.positions.emplace_back();
        // «Математика: I»: the header line is the only place a column's group can go.
        for (const auto& title : qualified_titles(section.table)) {
            ColumnKey key{title, seen[title]++};
            auto [it, inserted] = index.emplace(key, layout.titles.size());
            if (inserted) {
                layout.titles.push_back(title);
            }
            pos.push_back(it->second);
        }
    }
    return layout;
}

// A spreadsheet runs text that starts like a formula; a leading quote makes it plain text.
bool looks_like_formula(const std::string& s) {
    if (s.empty()) {
        return false;
    }
    switch (s.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
        return true;
    default:
        return false;
    }
}

class CsvOut {
  public:
    CsvOut(std::ostream& out, char delimiter) : out_(out), delimiter_(delimiter) {}

    void field(std::string text, bool is_text) {
        if (!first_) {
            out_ << delimiter_;
        }
        first_ = false;
        if (is_text && looks_like_formula(text)) {
            text.insert(0, 1, '\'');
        }
        if (text.find_first_of(std::string{delimiter_, '"', '\r', '\n'}) == std::string::npos) {
            out_ << text;
            return;
        }
        out_ << '"';
        for (char c : text) {
            if (c == '"') {
                out_ << '"';
            }
            out_ << c;
        }
        out_ << '"';
    }

    void end_line() {
        out_ << "\r\n";
        first_ = true;
    }

  private:
    std::ostream& out_;
    char delimiter_;
    bool first_ = true;
};

} // namespace

void write_csv(const report::Document& doc, std::ostream& out, CsvDialect dialect) {
    const bool excel = dialect == CsvDialect::excel;
    const TextStyle style = excel ? TextStyle::ru : TextStyle::iso;
    if (excel) {
        // Without the BOM, Excel reads UTF-8 as the ANSI code page and shows mojibake.
        out << "\xEF\xBB\xBF";
    }
    const FlatLayout layout = flatten(doc);
    const bool key_column = !doc.section_key_title.empty();
    if (layout.titles.empty() && !key_column) {
        return;
    }
    CsvOut csv(out, excel ? ';' : ',');
    if (key_column) {
        csv.field(doc.section_key_title, true);
    }
    for (const auto& title : layout.titles) {
        csv.field(title, true);
    }
    csv.end_line();

    std::vector<const report::Cell*> flat(layout.titles.size());
    for (std::size_t s = 0; s < doc.sections.size(); ++s) {
        const auto& section = doc.sections[s];
        const auto& pos = layout.positions[s];
        for (const auto& row : section.table.rows) {
            std::fill(flat.begin(), flat.end(), nullptr);
            for (std::size_t c = 0; c < row.size() && c < pos.size(); ++c) {
                flat[pos[c]] = &row[c];
            }
            if (key_column) {
                csv.field(section.key, true);
            }
            for (const auto* cell : flat) {
                if (cell == nullptr) {
                    csv.field({}, false);
                } else {
                    csv.field(cell_text(*cell, style), std::holds_alternative<std::string>(*cell));
                }
            }
            csv.end_line();
        }
    }
}

} // namespace schoolctl::formats
