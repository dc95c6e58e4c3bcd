#include "formats/xlsx_reader.h"

#include "formats/xlsx_sheet.h"
#include "formats/xlsx_workbook.h"
#include "util/error.h"

#include <algorithm>
#include <array>
#include <fcntl.h>
#include <string_view>
#include <unistd.h>

namespace schoolctl::formats {
namespace {

bool is_digits(const std::string& s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Header cells typed in Excel often carry stray spaces or no-break spaces (U+00A0), as in CSV.
std::string trim(const std::string& s) {
    std::string_view v = s;
    for (bool changed = true; changed;) {
        changed = false;
        if (!v.empty() && (v.front() == ' ' || v.front() == '\t')) {
            v.remove_prefix(1), changed = true;
        } else if (v.starts_with("\xC2\xA0")) {
            v.remove_prefix(2), changed = true;
        }
        if (!v.empty() && (v.back() == ' ' || v.back() == '\t')) {
            v.remove_suffix(1), changed = true;
        } else if (v.ends_with("\xC2\xA0")) {
            v.remove_suffix(2), changed = true;
        }
    }
    return std::string(v);
}

// Password-protected .xlsx files and old .xls files are OLE compound files, not zips: the
// commonest "not a zip" a school sends, so it gets its own message.
void refuse_compound_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        return; // opening the zip reports it
    }
    std::array<unsigned char, 8> magic{};
    const ssize_t n = ::read(fd, magic.data(), magic.size());
    ::close(fd);
    constexpr std::array<unsigned char, 8> ole{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
    if (n == 8 && magic == ole) {
        throw data_error(Location{path, 0, {}},
                         "the file is an Excel 97-2003 workbook (.xls) or a password-protected "
                         "one; save it as .xlsx without a password");
    }
}

ZipArchive open_workbook_zip(const std::string& path, const XlsxReadOptions& options) {
    if (path == "-") {
        throw usage_error("an XLSX workbook cannot be read from standard input; give its path");
    }
    refuse_compound_file(path);
    return ZipArchive(path, options.zip);
}

std::string quoted_list(const std::vector<xlsx::SheetEntry>& sheets) {
    std::string out;
    for (const xlsx::SheetEntry& s : sheets) {
        out += (out.empty() ? "\"" : ", \"") + s.name + "\"";
    }
    return out;
}

const xlsx::SheetEntry& choose_sheet(const ZipArchive& zip, const xlsx::Workbook& book,
                                     const std::optional<std::string>& wanted) {
    const Location where{zip.file(), 0, {}};
    if (book.sheets.empty()) {
        throw data_error(where, "the workbook has no worksheets");
    }
    if (!wanted) {
        return book.sheets.front();
    }
    for (const xlsx::SheetEntry& s : book.sheets) {
        if (s.name == *wanted) {
            return s;
        }
    }
    const std::string existing = "the workbook has " + std::to_string(book.sheets.size()) +
                                 (book.sheets.size() == 1 ? " sheet: " : " sheets: ") +
                                 quoted_list(book.sheets);
    if (is_digits(*wanted)) {
        const std::size_t n = wanted->size() > 6 ? 0 : std::stoul(*wanted);
        if (n >= 1 && n <= book.sheets.size()) {
            return book.sheets[n - 1];
        }
        throw data_error(where, "no sheet number " + *wanted + "; " + existing);
    }
    throw data_error(where, "no sheet \"" + *wanted + "\"; " + existing);
}

} // namespace

struct XlsxReader::State {
    ZipArchive zip; // first: everything below reads from it
    xlsx::Workbook book;
    std::string sheet;
    std::string file;
    xlsx::SharedStrings strings;
    xlsx::CellStyles styles;
    std::optional<ZipEntryStream> stream;
    std::optional<xlsx::SheetParser> parser;
    bool finished = false; // the whole part has been fed
    CsvRecord header;

    State(const std::string& path, const XlsxReadOptions& options)
        : zip(open_workbook_zip(path, options)), book(xlsx::read_workbook(zip)) {}
};

std::vector<std::string> xlsx_sheet_names(const std::string& path, const XlsxReadOptions& options) {
    const ZipArchive zip = open_workbook_zip(path, options);
    std::vector<std::string> names;
    for (const xlsx::SheetEntry& s : xlsx::read_workbook(zip).sheets) {
        names.push_back(s.name);
    }
    return names;
}

XlsxReader::XlsxReader(const std::string& path, const XlsxReadOptions& options)
    : state_(std::make_unique<State>(path, options)) {
    State& s = *state_;
    const xlsx::SheetEntry& chosen = choose_sheet(s.zip, s.book, options.sheet);
    s.sheet = chosen.name;
    s.file = path + "[" + chosen.name + "]";
    if (chosen.part.empty() || !s.zip.contains(chosen.part)) {
        throw data_error(Location{path, 0, {}},
                         "sheet \"" + chosen.name + "\" is missing from the workbook" +
                             (chosen.part.empty() ? "" : " (no " + chosen.part + ")"));
    }
    if (!s.book.shared_strings.empty() && s.zip.contains(s.book.shared_strings)) {
        s.strings.load(s.zip, s.book.shared_strings, options.max_shared_strings_bytes);
    }
    if (!s.book.styles.empty() && s.zip.contains(s.book.styles)) {
        s.styles.load(s.zip, s.book.styles);
    }
    s.stream.emplace(s.zip.open(chosen.part));
    s.parser.emplace(s.zip, chosen.part, s.file, s.strings, s.styles, s.book.date1904);
    if (!next(s.header)) {
        throw data_error(Location{s.file, 0, {}}, "the sheet is empty (expected a header row)");
    }
    for (std::string& h : s.header.fields) {
        h = trim(h);
    }
}

XlsxReader::XlsxReader(XlsxReader&&) noexcept = default;
XlsxReader& XlsxReader::operator=(XlsxReader&&) noexcept = default;
XlsxReader::~XlsxReader() = default;

const std::string& XlsxReader::file() const {
    return state_->file;
}

const std::string& XlsxReader::sheet() const {
    return state_->sheet;
}

const CsvRecord& XlsxReader::header() const {
    return state_->header;
}

// A pull over expat's push: feed the next inflated piece only when no row is waiting and the
// parser is not paused at the end of one.
bool XlsxReader::next(CsvRecord& record) {
    State& s = *state_;
    for (;;) {
        if (s.parser->take(record)) {
            return true;
        }
        if (s.parser->suspended()) {
            s.parser->resume();
            continue;
        }
        if (s.finished) {
            return false;
        }
        std::string_view chunk;
        if (s.stream->next(chunk)) {
            s.parser->feed(chunk, false);
        } else {
            s.finished = true;
            s.parser->feed({}, true);
        }
    }
}

std::string XlsxReader::sha256() const {
    return state_->zip.sha256();
}

} // namespace schoolctl::formats
