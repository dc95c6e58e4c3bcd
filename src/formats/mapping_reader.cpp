#include "formats/mapping_reader.h"

#include "formats/toml_file.h"
#include "util/error.h"

namespace schoolctl::formats {
namespace {

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& key,
                       const std::string& reason) {
    throw Error(ExitCode::config, Location{file, line, key}, reason);
}

void read_columns(const std::string& file, const toml::table& table, ColumnMapping& out) {
    for (auto&& [key, node] : table) {
        std::string field(key.str());
        const auto* text = node.as_string();
        if (text == nullptr || text->get().empty()) {
            fail(file, key.source().begin.line, "columns." + field,
                 "expected the header of a column as text, e.g. " + field + " = \"Фамилия\"");
        }
        out.columns.push_back({field, text->get(), key.source().begin.line});
    }
}

void read_ignore(const std::string& file, const toml::table& table, ColumnMapping& out) {
    for (auto&& [key, node] : table) {
        if (key.str() != "columns") {
            fail(file, key.source().begin.line, "ignore." + std::string(key.str()),
                 "unknown key; [ignore] has only columns = [\"header\", ...]");
        }
        const auto* list = node.as_array();
        if (list == nullptr) {
            fail(file, line_of(node), "ignore.columns", "expected a list of column headers");
        }
        for (const auto& item : *list) {
            const auto* text = item.as_string();
            if (text == nullptr) {
                fail(file, line_of(item), "ignore.columns", "expected a column header as text");
            }
            out.ignored.push_back(text->get());
        }
    }
}

}  // namespace

ColumnMapping read_mapping(const std::string& path) {
    const toml::table doc = read_toml_file(path, ExitCode::config, "mapping file").doc;
    ColumnMapping mapping;
    mapping.file = path;
    for (auto&& [key, node] : doc) {
        std::string name(key.str());
        const auto* table = node.as_table();
        if (table == nullptr || (name != "columns" && name != "ignore")) {
            fail(path, key.source().begin.line, name,
                 "unknown key; a mapping has the tables [columns] and [ignore]");
        }
        if (name == "columns") {
            read_columns(path, *table, mapping);
        } else {
            read_ignore(path, *table, mapping);
        }
    }
    return mapping;
}

}  // namespace schoolctl::formats
