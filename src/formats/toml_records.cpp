#include "formats/toml_records.h"

#include <algorithm>
#include <cstdio>
#include "formats/toml_file.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::formats {
namespace {

[[noreturn]] void fail(const std::string& file, std::size_t line, const std::string& key,
                       const std::string& reason) {
    throw Error(ExitCode::data, Location{file, line, key}, reason);
}

std::string text_of(const std::string& file, const std::string& key, const toml::node& node) {
    if (const auto* s = node.as_string()) {
        return s->get();
    }
    if (const auto* i = node.as_integer()) {
        return std::to_string(i->get());
    }
    if (const auto* b = node.as_boolean()) {
        return b->get() ? "true" : "false";
    }
    if (const auto* d = node.as_date()) {
        char buf[16];
        const toml::date& v = d->get();
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(v.year),
                      static_cast<unsigned>(v.month), static_cast<unsigned>(v.day));
        return buf;
    }
    fail(file, line_of(node), key, "expected text, a number or a date");
}

}  // namespace

TomlRecords read_toml_records(const std::string& path, std::string_view array) {
    const TomlFile file = read_toml_file(path, ExitCode::data);
    const toml::table& doc = file.doc;
    TomlRecords out;
    out.sha256 = crypto::sha256_hex(file.text);
    for (auto&& [key, node] : doc) {
        if (key.str() != array || node.as_array() == nullptr) {
            fail(path, key.source().begin.line, std::string(key.str()),
                 "unknown key; the file is a list of [[" + std::string(array) + "]] tables");
        }
        for (const auto& item : *node.as_array()) {
            const auto* table = item.as_table();
            if (table == nullptr) {
                fail(path, line_of(item), std::string(array), "expected a table");
            }
            CsvRecord record;
            record.line = line_of(item);
            record.fields.resize(out.header.fields.size());
            for (auto&& [field, value] : *table) {
                std::string name(field.str());
                auto& h = out.header.fields;
                auto at = std::find(h.begin(), h.end(), name);
                if (at == h.end()) {
                    h.push_back(name);
                    at = h.end() - 1;
                }
                auto column = static_cast<std::size_t>(at - h.begin());
                if (record.fields.size() <= column) {
                    record.fields.resize(column + 1);
                }
                record.fields[column] = text_of(path, name, value);
            }
            out.records.push_back(std::move(record));
        }
    }
    for (auto& r : out.records) {
        r.fields.resize(out.header.fields.size());  // keys a table left out are empty
    }
    // A key no table has is reported at the first table: that is where it would go.
    out.header.line = out.records.empty() ? 1 : out.records.front().line;
    return out;
}

}  // namespace schoolctl::formats
