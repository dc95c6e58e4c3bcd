#include "app/import/columns.h"

#include "domain/person_name.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

bool header_matches(const FieldSpec& field, const std::string& key) {
    if (domain::match_key(field.name) == key) {
        return true;
    }
    for (const auto& alias : field.aliases) {
        if (domain::match_key(alias) == key) {
            return true;
        }
    }
    return false;
}

std::string accepted(const FieldSpec& field) {
    std::string out = field.name;
    for (const auto& alias : field.aliases) {
        out += ", «" + alias + "»";
    }
    return out;
}

}  // namespace

ColumnMap map_columns(const std::vector<FieldSpec>& fields, const std::vector<std::string>& header,
                      const std::string& file) {
    ColumnMap map;
    map.index.resize(fields.size());
    for (std::size_t col = 0; col < header.size(); ++col) {
        std::string key = domain::match_key(header[col]);
        bool claimed = false;
        for (std::size_t f = 0; f < fields.size(); ++f) {
            if (!header_matches(fields[f], key)) {
                continue;
            }
            if (map.index[f]) {
                throw Error(ExitCode::data, Location{file, 1, fields[f].name},
                            "two columns map to this field: «" + header[*map.index[f]] +
                                "» and «" + header[col] + "»");
            }
            map.index[f] = col;
            claimed = true;
        }
        if (!claimed && !header[col].empty()) {
            map.unknown_headers.push_back(header[col]);
        }
    }
    for (std::size_t f = 0; f < fields.size(); ++f) {
        if (fields[f].required && !map.index[f]) {
            throw Error(ExitCode::data, Location{file, 1, fields[f].name},
                        "no column for this field (accepted headers: " + accepted(fields[f]) + ")");
        }
    }
    return map;
}

}  // namespace schoolctl::app
