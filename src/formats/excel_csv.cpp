#include "formats/excel_csv.h"

namespace schoolctl::formats {
namespace {

bool needs_quotes(std::string_view field) {
    for (char c : field) {
        if (c == ';' || c == '"' || c == '\r' || c == '\n') {
            return true;
        }
    }
    return false;
}

void append_field(std::string& out, std::string_view field) {
    if (!needs_quotes(field)) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"') {
            out += '"';
        }
        out += c;
    }
    out += '"';
}

template <typename Fields> void append_row(std::string& out, const Fields& fields) {
    bool first = true;
    for (const auto& f : fields) {
        if (!first) {
            out += ';';
        }
        first = false;
        append_field(out, f);
    }
    out += "\r\n";
}

} // namespace

void append_excel_csv_row(std::string& out, std::initializer_list<std::string_view> fields) {
    append_row(out, fields);
}

void append_excel_csv_row(std::string& out, const std::vector<std::string>& fields) {
    append_row(out, fields);
}

} // namespace schoolctl::formats
