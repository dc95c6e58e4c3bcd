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

std::string field_names(const std::vector<FieldSpec>& fields) {
    std::string out;
    for (const auto& f : fields) {
        out += (out.empty() ? "" : ", ") + f.name;
    }
    return out;
}

std::string headers_text(const std::vector<std::string>& header) {
    std::string out;
    for (const auto& h : header) {
        out += (out.empty() ? "«" : ", «") + h + "»";
    }
    return out;
}

// The fields a mapping file names outright, and the columns they take.
void apply_mapping(const std::vector<FieldSpec>& fields, const std::vector<std::string>& header,
                   const std::string& file, const formats::ColumnMapping& mapping,
                   ColumnMap& map, std::vector<bool>& taken) {
    for (const auto& m : mapping.columns) {
        std::size_t f = 0;
        while (f < fields.size() && fields[f].name != m.field) {
            ++f;
        }
        if (f == fields.size()) {
            throw Error(ExitCode::config, Location{mapping.file, m.line, "columns." + m.field},
                        "this import has no field \"" + m.field +
                            "\" (its fields: " + field_names(fields) + ")");
        }
        std::string key = domain::match_key(m.header);
        std::optional<std::size_t> column;
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (domain::match_key(header[c]) == key) {
                column = c;
                break;
            }
        }
        if (!column) {
            throw Error(ExitCode::config, Location{mapping.file, m.line, "columns." + m.field},
                        file + " has no column «" + m.header + "» (its columns: " +
                            headers_text(header) + ")");
        }
        map.index[f] = column;
        taken[*column] = true;
    }
    for (const auto& ignored : mapping.ignored) {
        std::string key = domain::match_key(ignored);
        for (std::size_t c = 0; c < header.size(); ++c) {
            if (domain::match_key(header[c]) == key) {
                taken[c] = true;
            }
        }
    }
}

}  // namespace

ColumnMap map_columns(const std::vector<FieldSpec>& fields, const std::vector<std::string>& header,
                      const std::string& file, std::size_t header_line,
                      const formats::ColumnMapping* mapping) {
    ColumnMap map;
    map.index.resize(fields.size());
    std::vector<bool> taken(header.size(), false);
    if (mapping != nullptr) {
        apply_mapping(fields, header, file, *mapping, map, taken);
    }
    std::vector<bool> mapped(fields.size(), false);
    for (std::size_t f = 0; f < fields.size(); ++f) {
        mapped[f] = map.index[f].has_value();
    }
    for (std::size_t col = 0; col < header.size(); ++col) {
        if (taken[col]) {
            continue;
        }
        std::string key = domain::match_key(header[col]);
        bool claimed = false;
        for (std::size_t f = 0; f < fields.size(); ++f) {
            if (mapped[f] || !header_matches(fields[f], key)) {
                continue;
            }
            if (map.index[f]) {
                throw Error(ExitCode::data, Location{file, header_line, fields[f].name},
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
            throw Error(ExitCode::data, Location{file, header_line, fields[f].name},
                        "no column for this field (accepted headers: " + accepted(fields[f]) +
                            "; or name the column in a --mapping file)");
        }
    }
    return map;
}

}  // namespace schoolctl::app
