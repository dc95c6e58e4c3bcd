#include "formats/json_writer.h"

#include "formats/cell_text.h"
#include "formats/table_shape.h"

#include <nlohmann/json.hpp>
#include <string>

namespace schoolctl::formats {
namespace {

using Json = nlohmann::ordered_json;

// Decimals travel through the tree as binary values with this subtype: user text can never
// produce a binary value, so the printer below knows them apart from strings.
constexpr std::uint8_t decimal_subtype = 0xD;

Json cell_json(const report::Cell& cell) {
    if (std::holds_alternative<std::monostate>(cell)) {
        return nullptr;
    }
    if (const auto* i = std::get_if<std::int64_t>(&cell)) {
        return *i;
    }
    if (const auto* d = std::get_if<report::Decimal>(&cell)) {
        const std::string text = decimal_text(*d, '.');
        return Json::binary(Json::binary_t::container_type(text.begin(), text.end()),
                            decimal_subtype);
    }
    return cell_text(cell, TextStyle::iso);
}

Json meta_json(const std::vector<report::MetaItem>& meta) {
    Json out = Json::array();
    for (const auto& item : meta) {
        out.push_back({{"label", item.label}, {"value", item.value}});
    }
    return out;
}

Json section_json(const report::Section& section) {
    Json columns = Json::array();
    // Grouped columns are named «Математика: I», as in CSV.
    for (const auto& title : qualified_titles(section.table)) {
        columns.push_back(title);
    }
    Json rows = Json::array();
    for (const auto& row : section.table.rows) {
        Json cells = Json::array();
        for (const auto& cell : row) {
            cells.push_back(cell_json(cell));
        }
        rows.push_back(std::move(cells));
    }
    return {{"key", section.key},
            {"heading", section.heading},
            {"meta", meta_json(section.meta)},
            {"columns", std::move(columns)},
            {"rows", std::move(rows)},
            {"notes", section.notes}};
}

// Invalid UTF-8 in a name must not abort an export: it becomes U+FFFD.
std::string scalar(const Json& j) {
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

// nlohmann's own pretty layout (so the output reads like any `dump(2)`), except that decimal
// binaries are written as bare numbers.
void print(const Json& j, std::ostream& out, int depth) {
    const std::string indent(static_cast<std::size_t>(depth + 1) * 2, ' ');
    const std::string closing(static_cast<std::size_t>(depth) * 2, ' ');
    if (j.is_binary()) {
        const auto& bytes = j.get_binary();
        out.write(reinterpret_cast<const char*>(bytes.data()),
                  static_cast<std::streamsize>(bytes.size()));
    } else if (j.is_object() && !j.empty()) {
        out << "{\n";
        bool first = true;
        for (const auto& [key, value] : j.items()) {
            out << (first ? "" : ",\n") << indent << scalar(Json(key)) << ": ";
            print(value, out, depth + 1);
            first = false;
        }
        out << '\n' << closing << '}';
    } else if (j.is_array() && !j.empty()) {
        out << "[\n";
        bool first = true;
        for (const auto& value : j) {
            out << (first ? "" : ",\n") << indent;
            print(value, out, depth + 1);
            first = false;
        }
        out << '\n' << closing << ']';
    } else {
        out << scalar(j);
    }
}

} // namespace

void write_json(const report::Document& doc, std::ostream& out) {
    Json sections = Json::array();
    for (const auto& section : doc.sections) {
        sections.push_back(section_json(section));
    }
    const Json root = {{"kind", doc.kind},
                       {"title", doc.title},
                       {"school", doc.school},
                       {"generated", doc.generated},
                       {"meta", meta_json(doc.meta)},
                       {"sections", std::move(sections)},
                       {"footnotes", doc.footnotes}};
    print(root, out, 0);
    out << '\n';
}

} // namespace schoolctl::formats
