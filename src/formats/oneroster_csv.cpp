#include "formats/oneroster_csv.h"

#include "formats/text_decoder.h"

#include <cstdio>

namespace schoolctl::formats {
namespace {

constexpr std::string_view bom = "\xEF\xBB\xBF";

std::size_t line_of(std::string_view text, std::size_t offset) {
    std::size_t line = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.size() || text[i + 1] != '\n'))) {
            ++line;
        }
    }
    return line;
}

std::string trimmed(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
        s.remove_prefix(1);
    }
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
        s.remove_suffix(1);
    }
    return std::string(s);
}

} // namespace

OneRosterCsvText parse_oneroster_csv(std::string_view text) {
    OneRosterCsvText out;
    if (text.starts_with(bom)) {
        text.remove_prefix(bom.size());
    }
    bool truncated = false;
    const std::size_t valid = valid_utf8_prefix(text, truncated);
    if (valid < text.size()) {
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(text[valid]));
        out.error_line = line_of(text, valid);
        out.error = std::string("byte ") + hex + " is not valid UTF-8 (OneRoster files are UTF-8)";
        text = text.substr(0, valid); // the rows before the bad byte are still reported on
    }

    std::size_t line = 1;
    std::size_t i = 0;
    const std::size_t n = text.size();
    // A line break at i: CRLF, LF or CR. Returns the index after it.
    const auto skip_break = [&](std::size_t at) {
        ++line;
        return (text[at] == '\r' && at + 1 < n && text[at + 1] == '\n') ? at + 2 : at + 1;
    };
    while (i < n) {
        if (text[i] == '\r' || text[i] == '\n') { // an empty line carries no record
            i = skip_break(i);
            continue;
        }
        OneRosterCsvRow row;
        row.line = line;
        for (;;) { // one field per pass
            std::string& field = row.fields.emplace_back();
            if (i < n && text[i] == '"') {
                const std::size_t quote_line = line;
                ++i;
                for (;;) {
                    if (i == n) {
                        if (!out.error_line) {
                            out.error_line = quote_line;
                            out.error = "a quoted field is never closed";
                        }
                        return out;
                    }
                    const char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') { // "" is one quote
                            field.push_back('"');
                            i += 2;
                            continue;
                        }
                        ++i;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        const std::size_t next = skip_break(i);
                        field.append(text.substr(i, next - i));
                        i = next;
                        continue;
                    }
                    field.push_back(c);
                    ++i;
                }
                if (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                    if (row.malformed.empty()) {
                        row.malformed = "text after the closing quote of field " +
                                        std::to_string(row.fields.size());
                    }
                    while (i < n && text[i] != ',' && text[i] != '\r' && text[i] != '\n') {
                        field.push_back(text[i++]);
                    }
                }
            } else {
                const std::size_t end = text.find_first_of(",\r\n", i);
                const std::size_t stop = end == std::string_view::npos ? n : end;
                field.append(text.substr(i, stop - i));
                i = stop;
            }
            if (i < n && text[i] == ',') {
                ++i;
                continue;
            }
            break; // a line break or the end
        }
        if (i < n) {
            i = skip_break(i);
        }
        out.rows.push_back(std::move(row));
    }
    return out;
}

void append_oneroster_csv_row(std::string& out, const std::vector<std::string>& fields) {
    bool first = true;
    for (const std::string& f : fields) {
        if (!first) {
            out.push_back(',');
        }
        first = false;
        if (f.find_first_of(",\"\r\n") == std::string::npos) {
            out += f;
            continue;
        }
        out.push_back('"');
        for (char c : f) {
            if (c == '"') {
                out.push_back('"');
            }
            out.push_back(c);
        }
        out.push_back('"');
    }
    out += "\r\n";
}

std::vector<std::string> split_oneroster_list(std::string_view field) {
    std::vector<std::string> items;
    if (trimmed(field).empty()) {
        return items;
    }
    for (;;) {
        const std::size_t comma = field.find(',');
        items.push_back(trimmed(field.substr(0, comma)));
        if (comma == std::string_view::npos) {
            return items;
        }
        field.remove_prefix(comma + 1);
    }
}

std::string join_oneroster_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i == 0 ? "" : ",") + items[i];
    }
    return out;
}

} // namespace schoolctl::formats
