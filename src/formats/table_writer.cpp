#include "formats/table_writer.h"

#include "formats/cell_text.h"
#include "formats/table_shape.h"

#include <algorithm>
#include <string>
#include <vector>

namespace schoolctl::formats {
namespace {

constexpr std::string_view gap = "  ";

// Tabs and line breaks inside a cell would break the grid.
std::string one_line(std::string text) {
    for (auto& c : text) {
        if (c == '\n' || c == '\r' || c == '\t') {
            c = ' ';
        }
    }
    return text;
}

std::string pad(const std::string& text, std::size_t width, report::Align align) {
    const std::size_t w = display_width(text);
    const std::size_t fill = width > w ? width - w : 0;
    switch (align) {
    case report::Align::right:
        return std::string(fill, ' ') + text;
    case report::Align::center:
        return std::string(fill / 2, ' ') + text + std::string(fill - fill / 2, ' ');
    case report::Align::left:
        break;
    }
    return text + std::string(fill, ' ');
}

// Trailing blanks from padding the last column are noise in a terminal and in diffs.
void put_line(std::ostream& out, std::string line) {
    line.erase(line.find_last_not_of(' ') + 1);
    out << line << '\n';
}

// A left-aligned column that holds only numbers is shown right-aligned, so digits line up.
report::Align effective_align(const report::Table& table, std::size_t c) {
    const auto& column = table.columns[c];
    if (column.align != report::Align::left) {
        return column.align;
    }
    bool any_number = false;
    for (const auto& row : table.rows) {
        if (c >= row.size() || std::holds_alternative<std::monostate>(row[c])) {
            continue;
        }
        if (!is_number(row[c])) {
            return column.align;
        }
        any_number = true;
    }
    return any_number ? report::Align::right : column.align;
}

// A group's title must fit over its columns: the last of them widens when it does not.
void widen_for_groups(const std::vector<HeaderSpan>& spans, std::vector<std::size_t>& width) {
    for (const auto& span : spans) {
        std::size_t room = (span.count - 1) * gap.size();
        for (std::size_t c = span.first; c < span.first + span.count; ++c) {
            room += width[c];
        }
        const std::size_t needed = display_width(one_line(span.title));
        if (needed > room) {
            width[span.first + span.count - 1] += needed - room;
        }
    }
}

// The group titles centred over their columns, blanks over the others.
std::string group_line(const std::vector<HeaderSpan>& spans, const std::vector<std::size_t>& width) {
    std::string line;
    for (const auto& span : spans) {
        std::size_t room = (span.count - 1) * gap.size();
        for (std::size_t c = span.first; c < span.first + span.count; ++c) {
            room += width[c];
        }
        line.append(span.first == 0 ? "" : gap)
            .append(pad(one_line(span.title), room, report::Align::center));
    }
    return line;
}

// Bold is added after padding, so the escape codes never count towards a column's width.
std::string emphasis(std::string padded, bool on) {
    return on ? "\x1b[1m" + padded + "\x1b[0m" : padded;
}

void write_grid(const report::Table& table, std::ostream& out, bool color) {
    const std::size_t n = table.columns.size();
    std::vector<std::vector<std::string>> text;
    std::vector<std::size_t> width(n, 0);
    std::vector<report::Align> align(n);
    for (std::size_t c = 0; c < n; ++c) {
        width[c] = display_width(table.columns[c].title);
        align[c] = effective_align(table, c);
    }
    for (const auto& row : table.rows) {
        auto& line = text.emplace_back();
        for (std::size_t c = 0; c < n; ++c) {
            line.push_back(c < row.size() ? one_line(cell_text(row[c], TextStyle::ru)) : "");
            width[c] = std::max(width[c], display_width(line.back()));
        }
    }
    const auto spans = group_spans(table);
    widen_for_groups(spans, width);
    if (!spans.empty()) {
        put_line(out, group_line(spans, width));
    }
    std::string header, rule;
    for (std::size_t c = 0; c < n; ++c) {
        const std::string_view sep = c == 0 ? "" : gap;
        header.append(sep).append(pad(one_line(table.columns[c].title), width[c], align[c]));
        rule.append(sep).append(std::string(width[c], '-'));
    }
    put_line(out, header);
    put_line(out, rule);
    for (std::size_t r = 0; r < text.size(); ++r) {
        const auto& line = text[r];
        std::string s;
        for (std::size_t c = 0; c < n; ++c) {
            const bool bold = color && c < table.rows[r].size() && caught(table, c, table.rows[r][c]);
            s.append(c == 0 ? "" : gap).append(emphasis(pad(line[c], width[c], align[c]), bold));
        }
        put_line(out, s);
    }
}

void write_meta(const std::vector<report::MetaItem>& meta, std::ostream& out) {
    for (const auto& item : meta) {
        out << item.label << ": " << item.value << '\n';
    }
}

} // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto b = static_cast<unsigned char>(utf8[i]);
        if ((b & 0xC0u) == 0x80u) {
            continue; // a continuation byte belongs to the code point already counted
        }
        // U+0300..U+036F (combining diacritics, e.g. a decomposed «й») take no column.
        if ((b == 0xCCu || (b == 0xCDu && i + 1 < utf8.size() &&
                            static_cast<unsigned char>(utf8[i + 1]) < 0xB0u))) {
            continue;
        }
        ++width;
    }
    return width;
}

void write_table(const report::Document& doc, std::ostream& out, bool color) {
    if (!doc.title.empty()) {
        out << doc.title << '\n';
    }
    if (!doc.school.empty()) {
        out << doc.school << '\n';
    }
    write_meta(doc.meta, out);
    bool separate = !doc.title.empty() || !doc.school.empty() || !doc.meta.empty();
    for (const auto& section : doc.sections) {
        if (separate) {
            out << '\n';
        }
        separate = true;
        const auto& heading = section.heading.empty() ? section.key : section.heading;
        if (!heading.empty()) {
            out << heading << '\n';
        }
        write_meta(section.meta, out);
        write_grid(section.table, out, color);
        for (const auto& note : section.notes) {
            out << note << '\n';
        }
    }
    if (!doc.footnotes.empty()) {
        out << '\n';
        for (const auto& note : doc.footnotes) {
            out << note << '\n';
        }
    }
}

} // namespace schoolctl::formats
