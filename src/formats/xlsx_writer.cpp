#include "formats/xlsx_writer.h"

#include "formats/cell_text.h"
#include "formats/sheet_name.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <unistd.h>
#include <utility>
#include <xlsxwriter.h>

namespace schoolctl::formats {
namespace {

constexpr std::uint8_t paper_a4 = 9;
constexpr std::size_t max_string_chars = 32767; // Excel's limit for one cell

class Workbook;

// Cell formats are created once per (number format, alignment) and shared by all sheets.
enum class Kind { text, integer, decimal, date };

class Formats {
  public:
    explicit Formats(Workbook& book) : book_(book) {}
    lxw_format* cell(Kind kind, int places, report::Align align);
    lxw_format* header(report::Align align);
    lxw_format* title() { return get({"title", 0, report::Align::left}); }
    lxw_format* subtitle() { return get({"subtitle", 0, report::Align::left}); }

  private:
    using Key = std::tuple<std::string, int, report::Align>;
    lxw_format* get(const Key& key);
    Workbook& book_;
    std::map<Key, lxw_format*> cache_;
};

class Workbook {
  public:
    Workbook(const std::filesystem::path& path, bool constant_memory) : path_(path) {
        // libxlsxwriter would only find out at close, and say so on stderr: find out first.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
        if (fd < 0) {
            throw Error(ExitCode::cant_create,
                        "cannot create " + path.string() + ": " + std::strerror(errno));
        }
        ::close(fd);
        lxw_workbook_options options{};
        options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
        book_ = workbook_new_opt(path.c_str(), &options);
        if (book_ == nullptr) {
            throw fail("cannot start workbook");
        }
    }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    // Not closed means something failed: free without writing anything.
    ~Workbook() {
        if (book_ != nullptr) {
            lxw_workbook_free(book_);
        }
    }

    lxw_workbook* get() { return book_; }

    void check(lxw_error err, const std::string& what) const {
        if (err != LXW_NO_ERROR) {
            throw fail(what + ": " + lxw_strerror(err));
        }
    }

    Error fail(const std::string& what) const {
        return {ExitCode::io, "cannot write " + path_.string() + ": " + what};
    }

    void close() {
        lxw_workbook* book = std::exchange(book_, nullptr); // closed or not, it is freed
        check(workbook_close(book), "saving the workbook");
    }

  private:
    std::filesystem::path path_;
    lxw_workbook* book_ = nullptr;
};

lxw_format* Formats::get(const Key& key) {
    if (auto it = cache_.find(key); it != cache_.end()) {
        return it->second;
    }
    lxw_format* f = workbook_add_format(book_.get());
    if (f == nullptr) {
        throw book_.fail("cannot add a cell format");
    }
    const auto& [name, places, align] = key;
    if (name == "title") {
        format_set_bold(f);
        format_set_font_size(f, 14);
    } else if (name == "subtitle") {
        format_set_bold(f);
        format_set_font_size(f, 12);
    } else {
        format_set_border(f, LXW_BORDER_THIN);
        format_set_align(f, align == report::Align::right    ? LXW_ALIGN_RIGHT
                            : align == report::Align::center ? LXW_ALIGN_CENTER
                                                             : LXW_ALIGN_LEFT);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        if (name == "header") {
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_bg_color(f, 0xE6E6E6);
        } else if (name == "text") {
            // Long notes grow the row in Excel instead of running under the next column.
            format_set_text_wrap(f);
        } else if (name == "date") {
            format_set_num_format(f, "dd.mm.yyyy");
        } else if (name == "integer") {
            format_set_num_format(f, "0");
        } else if (name == "decimal") {
            // Always show the places the report computed: 4.50, not 4.5.
            const std::string code =
                places > 0 ? "0." + std::string(static_cast<std::size_t>(places), '0') : "0";
            format_set_num_format(f, code.c_str());
        }
    }
    cache_.emplace(key, f);
    return f;
}

lxw_format* Formats::cell(Kind kind, int places, report::Align align) {
    switch (kind) {
    case Kind::integer:
        return get({"integer", 0, align});
    case Kind::decimal:
        return get({"decimal", std::max(places, 0), align});
    case Kind::date:
        return get({"date", 0, align});
    case Kind::text:
        break;
    }
    return get({"text", 0, align});
}

lxw_format* Formats::header(report::Align align) {
    return get({"header", 0, align});
}

std::string truncate_chars(const std::string& s, std::size_t limit) {
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if ((static_cast<unsigned char>(s[i]) & 0xC0u) != 0x80u && ++chars > limit) {
            return s.substr(0, i);
        }
    }
    return s;
}

// Writes one section to its sheet, top to bottom (constant_memory accepts rows only in order).
class SheetWriter {
  public:
    SheetWriter(Workbook& book, Formats& formats, lxw_worksheet* sheet, std::string name)
        : book_(book), formats_(formats), sheet_(sheet), name_(std::move(name)) {}

    void line(const std::string& text, lxw_format* format = nullptr) {
        if (!text.empty()) {
            put_text(row_, 0, text, format);
        }
        ++row_;
    }
    void write(const report::Document& doc, const report::Section& section);

  private:
    void put_text(lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
        check(worksheet_write_string(sheet_, row, col,
                                     truncate_chars(text, max_string_chars).c_str(), format),
              row, col);
    }
    void cell(lxw_col_t col, const report::Cell& cell, report::Align align);
    void table(const report::Table& table);
    void print_setup(const report::Document& doc, lxw_row_t header_row);
    void check(lxw_error err, lxw_row_t row, lxw_col_t col) const {
        char ref[LXW_MAX_CELL_NAME_LENGTH];
        lxw_rowcol_to_cell(ref, row, col);
        book_.check(err, "sheet «" + name_ + "», cell " + ref);
    }
    void check(lxw_error err, const std::string& what) const {
        book_.check(err, "sheet «" + name_ + "»: " + what);
    }

    Workbook& book_;
    Formats& formats_;
    lxw_worksheet* sheet_;
    std::string name_;
    lxw_row_t row_ = 0;
};

void SheetWriter::cell(lxw_col_t col, const report::Cell& value, report::Align align) {
    if (const auto* s = std::get_if<std::string>(&value)) {
        // Always as a string: text that starts with '=' must never become a formula.
        put_text(row_, col, *s, formats_.cell(Kind::text, 0, align));
    } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
        check(worksheet_write_number(sheet_, row_, col, static_cast<double>(*i),
                                     formats_.cell(Kind::integer, 0, align)),
              row_, col);
    } else if (const auto* d = std::get_if<report::Decimal>(&value)) {
        check(worksheet_write_number(sheet_, row_, col, decimal_value(*d),
                                     formats_.cell(Kind::decimal, d->places, align)),
              row_, col);
    } else if (const auto* date = std::get_if<domain::Date>(&value)) {
        const int year = static_cast<int>(date->year());
        // Excel's calendar starts in 1900 (with a phantom 29.02.1900): earlier dates as text.
        if (year < 1901 || year > 9999) {
            put_text(row_, col, domain::format_ru(*date), formats_.cell(Kind::text, 0, align));
            return;
        }
        lxw_datetime dt{year,
                        static_cast<int>(static_cast<unsigned>(date->month())),
                        static_cast<int>(static_cast<unsigned>(date->day())),
                        0,
                        0,
                        0.0};
        check(worksheet_write_datetime(sheet_, row_, col, &dt, formats_.cell(Kind::date, 0, align)),
              row_, col);
    } else {
        // Blank with the border, so the printed grid has no holes.
        check(worksheet_write_blank(sheet_, row_, col, formats_.cell(Kind::text, 0, align)), row_,
              col);
    }
}

void SheetWriter::table(const report::Table& table) {
    const auto ncols = static_cast<lxw_col_t>(table.columns.size());
    for (lxw_col_t c = 0; c < ncols; ++c) {
        const auto& column = table.columns[c];
        check(worksheet_set_column(sheet_, c, c, std::clamp(column.width, 1.0, 255.0), nullptr),
              "column width");
        put_text(row_, c, column.title, formats_.header(column.align));
    }
    ++row_;
    for (const auto& row : table.rows) {
        for (lxw_col_t c = 0; c < ncols; ++c) {
            cell(c, c < row.size() ? row[c] : report::Cell{}, table.columns[c].align);
        }
        ++row_;
    }
}

void SheetWriter::print_setup(const report::Document& doc, lxw_row_t header_row) {
    worksheet_set_paper(sheet_, paper_a4);
    if (doc.orientation == report::Orientation::landscape) {
        worksheet_set_landscape(sheet_);
    } else {
        worksheet_set_portrait(sheet_);
    }
    worksheet_fit_to_pages(sheet_, 1, 0); // one page wide, as many pages tall as needed
    worksheet_set_margins(sheet_, 0.5, 0.5, 0.6, 0.6);
    check(worksheet_set_footer(sheet_, "&Cстр. &P из &N"), "page footer");
    if (header_row != LXW_ROW_MAX) {
        check(worksheet_repeat_rows(sheet_, header_row, header_row), "repeated header row");
    }
}

void SheetWriter::write(const report::Document& doc, const report::Section& section) {
    line(doc.title, formats_.title());
    line(doc.school);
    line(section.heading, formats_.subtitle());
    for (const auto* meta : {&doc.meta, &section.meta}) {
        for (const auto& item : *meta) {
            line(item.label + ": " + item.value);
        }
    }
    ++row_;
    lxw_row_t header_row = LXW_ROW_MAX;
    const auto& columns = section.table.columns;
    if (!columns.empty()) {
        header_row = row_;
        table(section.table);
        const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
        check(worksheet_autofilter(sheet_, header_row, 0, row_ - 1, last_col), "autofilter");
        worksheet_freeze_panes(sheet_, header_row + 1, 0);
    }
    if (!section.notes.empty() || !doc.footnotes.empty() || !doc.generated.empty()) {
        ++row_;
    }
    for (const auto& note : section.notes) {
        line(note);
    }
    for (const auto& note : doc.footnotes) {
        line(note);
    }
    if (!doc.generated.empty()) {
        line("Сформировано: " + doc.generated);
    }
    print_setup(doc, header_row);
}

std::size_t cell_count(const report::Document& doc) {
    std::size_t n = 0;
    for (const auto& section : doc.sections) {
        n += (section.table.rows.size() + 1) * section.table.columns.size();
    }
    return n;
}

} // namespace

void write_xlsx(const report::Document& doc, const std::filesystem::path& path,
                const XlsxOptions& options) {
    Workbook book(path, cell_count(doc) > options.constant_memory_cells);
    Formats formats(book);

    // The C struct wants mutable char*; libxlsxwriter copies the strings.
    std::string title = doc.title, company = doc.school, creator = "schoolctl";
    lxw_doc_properties props{};
    props.title = title.data();
    props.company = company.data();
    props.author = creator.data();
    props.created = options.created;
    book.check(workbook_set_properties(book.get(), &props), "document properties");

    std::vector<std::string> keys;
    for (const auto& section : doc.sections) {
        keys.push_back(section.key);
    }
    const auto names = sheet_names(keys.empty() ? std::vector<std::string>{""} : keys);
    const report::Section empty;
    for (std::size_t i = 0; i < names.size(); ++i) {
        lxw_worksheet* sheet = workbook_add_worksheet(book.get(), names[i].c_str());
        if (sheet == nullptr) {
            throw book.fail("cannot add sheet «" + names[i] + "»");
        }
        SheetWriter writer(book, formats, sheet, names[i]);
        writer.write(doc, i < doc.sections.size() ? doc.sections[i] : empty);
    }
    book.close();
}

} // namespace schoolctl::formats
