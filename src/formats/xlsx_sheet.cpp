#include "formats/xlsx_sheet.h"

#include "util/error.h"

#include <charconv>
#include <cstring>

namespace schoolctl::formats::xlsx {
namespace {

bool is_blank(const std::string& s) {
    return s.find_first_not_of(" \t") == std::string::npos;
}

// A positive decimal number, or 0 for anything else.
std::size_t parse_count(std::string_view s) {
    std::size_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    return s.empty() || ec != std::errc() || end != s.data() + s.size() ? 0 : n;
}

} // namespace

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) {
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    }
    return name;
}

SheetParser::SheetParser(const ZipArchive& zip, const std::string& part, std::string label,
                         const SharedStrings& strings, const CellStyles& styles, bool date1904)
    : XmlParser(zip.file(), part), label_(std::move(label)), strings_(strings), styles_(styles),
      date1904_(date1904) {}

bool SheetParser::take(CsvRecord& record) {
    if (!ready_) {
        return false;
    }
    record.line = row_;
    record.fields.swap(fields_);
    record.fields.resize(count_);
    ready_ = false;
    count_ = 0;
    return true;
}

void SheetParser::on_start(std::string_view name, const char** attributes) {
    if (!started_) {
        started_ = true;
        if (name != "worksheet") {
            throw data_error(Location{file(), 0, part()}, "the part is not a worksheet");
        }
    } else if (name == "sheetData") {
        in_data_ = true;
    } else if (!in_data_) {
        return;
    } else if (name == "row") {
        start_row(attributes);
    } else if (name == "c") {
        start_cell(attributes);
    } else if (name == "v") {
        collecting_ = true;
    } else if (name == "is") {
        in_inline_ = true;
    } else if (name == "rPh") {
        ++phonetic_;
    } else if (name == "t" && in_inline_ && phonetic_ == 0) {
        collecting_ = true;
    }
}

void SheetParser::on_end(std::string_view name) {
    if (!in_data_) {
        return;
    }
    if (name == "v" || name == "t") {
        collecting_ = false;
    } else if (name == "is") {
        in_inline_ = false;
    } else if (name == "rPh") {
        --phonetic_;
    } else if (name == "c") {
        end_cell();
    } else if (name == "row") {
        end_row();
    } else if (name == "sheetData") {
        in_data_ = false;
    }
}

void SheetParser::on_text(std::string_view text) {
    if (!collecting_) {
        return;
    }
    // Bounded while reading: a hostile cell could otherwise be as long as the whole part.
    if (value_.size() + text.size() > max_cell_bytes) {
        throw cell_error("the text is longer than " + std::to_string(max_cell_chars) +
                         " characters (Excel's limit for a cell)");
    }
    value_.append(text);
}

void SheetParser::start_row(const char** attributes) {
    const char* r = attribute(attributes, "r");
    // Rows without a number follow the one before; rows absent from the XML are simply not
    // there (a gap), not empty rows to report.
    const std::size_t row = r != nullptr ? parse_count(r) : row_ + 1;
    if (row == 0 || row > max_rows) {
        throw data_error(Location{label_, 0, {}},
                         "row number \"" + std::string(r != nullptr ? r : "") +
                             "\" is not a row of a sheet (1 to " + std::to_string(max_rows) + ")");
    }
    row_ = row;
    count_ = 0;
    next_column_ = 0;
}

void SheetParser::start_cell(const char** attributes) {
    column_ = next_column_;
    if (const char* r = attribute(attributes, "r")) {
        // "C7": letters for the column; the digits repeat the row's number.
        const std::string_view ref = r;
        std::size_t letters = 0, column = 0;
        while (letters < ref.size() && letters < 4 && ref[letters] >= 'A' && ref[letters] <= 'Z') {
            column = column * 26 + static_cast<std::size_t>(ref[letters] - 'A' + 1);
            ++letters;
        }
        if (letters == 0 || column > max_columns || parse_count(ref.substr(letters)) == 0) {
            throw data_error(Location{label_, row_, {}},
                             "cell reference \"" + std::string(ref) +
                                 "\" is not a cell of a sheet (A1 to XFD" +
                                 std::to_string(max_rows) + ")");
        }
        column_ = column - 1;
    } else if (column_ >= max_columns) {
        throw data_error(Location{label_, row_, {}},
                         "more than " + std::to_string(max_columns) + " cells in the row");
    }
    const char* t = attribute(attributes, "t");
    type_ = t != nullptr ? t : "";
    const char* s = attribute(attributes, "s");
    style_ = s != nullptr ? parse_count(s) : 0;
    value_.clear();
    collecting_ = in_inline_ = false;
    phonetic_ = 0;
}

std::string& SheetParser::field(std::size_t column) {
    if (fields_.size() <= column) {
        fields_.resize(column + 1);
    }
    for (; count_ <= column; ++count_) {
        fields_[count_].clear(); // a gap left by cells absent from the XML
    }
    return fields_[column];
}

void SheetParser::end_cell() {
    next_column_ = column_ + 1;
    std::string& out = field(column_);
    if (value_.empty()) { // a cell that is only formatted, whatever its type says
        out.clear();
        return;
    }
    if (type_ == "s") {
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), index);
        if (ec != std::errc() || end != value_.data() + value_.size() || index >= strings_.size()) {
            throw cell_error("shared string \"" + value_ + "\" is not in the table (it has " +
                             std::to_string(strings_.size()) + ")");
        }
        out.assign(strings_.at(index));
        return;
    }
    if (type_ == "inlineStr" || type_ == "str") { // str: the text result of a formula
        decode_escapes(value_);
        if (utf16_length(value_) > max_cell_chars) {
            throw cell_error("the text is longer than " + std::to_string(max_cell_chars) +
                             " characters (Excel's limit for a cell)");
        }
        out.assign(value_);
    } else if (type_ == "b") {
        out = value_ == "1" ? "TRUE" : value_ == "0" ? "FALSE" : value_;
    } else if (type_ == "e") { // #N/A, #DIV/0!, ...: shown as text, as Excel shows them
        out.assign(value_);
    } else if (type_ == "d") { // ISO 8601 (strict OOXML, some writers)
        out = iso_date_text(value_);
    } else {
        const NumberKind kind = styles_.kind(style_);
        const std::optional<double> number = parse_number(value_);
        std::optional<std::string> date;
        if (number && kind != NumberKind::number) {
            date = serial_date_text(*number, date1904_, kind);
        }
        out = date ? std::move(*date) : number ? number_text(*number) : value_;
    }
}

void SheetParser::end_row() {
    // Cells that were only formatted are written with no value; dropping them at the end keeps
    // rows as long as their data, the same for the header and every other row.
    while (count_ > 0 && fields_[count_ - 1].empty()) {
        --count_;
    }
    bool blank = true;
    for (std::size_t i = 0; i < count_ && blank; ++i) {
        blank = is_blank(fields_[i]);
    }
    if (blank) {
        count_ = 0;
        return;
    }
    ready_ = true;
    suspend();
}

Error SheetParser::cell_error(const std::string& message) const {
    return data_error(Location{label_, row_, column_name(column_) + std::to_string(row_)}, message);
}

} // namespace schoolctl::formats::xlsx
