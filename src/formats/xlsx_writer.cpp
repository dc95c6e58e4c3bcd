#include "formats/xlsx_writer.h"

#include "formats/cell_text.h"
#include "formats/sheet_name.h"
#include "formats/table_shape.h"
#include "formats/xlsx_chart.h"
#include "util/error.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <tuple>
#include <unistd.h>
#include <utility>
#include <xlsxwriter.h>

namespace schoolctl::formats {
namespace {

constexpr std::uint8_t paper_a4 = 9;
constexpr std::size_t max_string_chars = 32767; // Excel's limit for one cell
constexpr double line_height = 15.0;             // points: a line of the default 11-point font

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
    lxw_format* highlight() { return get({"highlight", 0, report::Align::left}); }

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
        // Packaging names its temporary files from static state inside libxlsxwriter
        // (tmpfileplus), which is not thread-safe: workbooks written on several threads
        // (`report all`) take turns here. The sheets themselves are still filled in parallel.
        static std::mutex packaging;
        std::lock_guard lock(packaging);
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
    if (name == "highlight") {
        // Excel's own "light red fill with dark red text".
        format_set_bg_color(f, 0xFFC7CE);
        format_set_font_color(f, 0x9C0006);
    } else if (name == "title") {
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

std::size_t char_count(std::string_view s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0u) != 0x80u;
    }));
}

// How many lines a wrapped title takes in a column `width` characters wide (Excel's unit, the
// width of a digit), wrapping at spaces as Excel does and breaking a word too long for a line.
// A Cyrillic letter is about as wide as a digit, bold or not, and wide ones (Д, Ж, Ш, м) wider;
// half a character goes to the margins. Erring long only leaves a row some blank space; erring
// short lets the text run into the next row, so the estimate errs long.
int wrapped_lines(std::string_view text, double width) {
    const auto room = static_cast<std::size_t>(std::max(1.0, width - 0.5));
    int lines = 1;
    std::size_t used = 0;  // characters on the current line
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos) {
            end = text.size();
        }
        std::size_t word = char_count(text.substr(start, end - start));
        if (used > 0 && used + 1 + word > room) {
            ++lines;  // the word goes to the next line
            used = 0;
        }
        used += (used > 0 ? 1 : 0) + word;
        while (used > room) {  // a word longer than the line breaks where the line ends
            ++lines;
            used -= room;
        }
        start = end + 1;
    }
    return lines;
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
    // The current row's height for `lines` lines of text, when more than one.
    void fit_row(int lines) {
        if (lines > 1) {
            check(worksheet_set_row(sheet_, row_, line_height * lines, nullptr), row_, 0);
        }
    }
    void group_row(const report::Table& table);
    void table(const report::Table& table);
    void highlights(const report::Table& table);
    void highlight_rule(lxw_col_t col, lxw_conditional_format& rule);
    void charts(const report::Section& section);
    void print_setup(const report::Document& doc);
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
    // The header rows (the group row, if any, and the column titles) and the data rows;
    // LXW_ROW_MAX while the sheet has no table.
    lxw_row_t first_header_ = LXW_ROW_MAX;
    TableRows rows_;
};

// Rows a chart takes: libxlsxwriter's default 288 px at 20 px a row, and a blank row after.
constexpr lxw_row_t chart_rows = 16;

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

// Merged cells over grouped columns. Row by row like everything else, so constant_memory
// mode writes it too.
void SheetWriter::group_row(const report::Table& table) {
    const auto spans = group_spans(table);
    if (spans.empty()) {
        return;
    }
    for (const auto& span : spans) {
        const auto first = static_cast<lxw_col_t>(span.first);
        const auto last = static_cast<lxw_col_t>(span.first + span.count - 1);
        lxw_format* format = formats_.header(report::Align::center);
        if (first != last) {
            // Written as a string, like every title: never a formula.
            const std::string title = truncate_chars(span.title, max_string_chars);
            check(worksheet_merge_range(sheet_, row_, first, row_, last, title.c_str(), format),
                  row_, first);
        } else if (!span.title.empty()) {
            put_text(row_, first, span.title, format);
        } else {
            check(worksheet_write_blank(sheet_, row_, first, format), row_, first);
        }
    }
    ++row_;
}

void SheetWriter::table(const report::Table& table) {
    const auto ncols = static_cast<lxw_col_t>(table.columns.size());
    first_header_ = row_;
    group_row(table);
    rows_.titles = row_;
    // Titles and text cells wrap, but a row keeps the height of one line unless told
    // (LibreOffice does not fit it to wrapped text when it opens the file): each row is given
    // the lines its longest text needs, before its cells (constant_memory writes a row once).
    auto width = [&](std::size_t c) { return std::clamp(table.columns[c].width, 1.0, 255.0); };
    int lines = 1;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        lines = std::max(lines, wrapped_lines(table.columns[c].title, width(c)));
    }
    fit_row(lines);
    for (lxw_col_t c = 0; c < ncols; ++c) {
        const auto& column = table.columns[c];
        check(worksheet_set_column(sheet_, c, c, std::clamp(column.width, 1.0, 255.0), nullptr),
              "column width");
        put_text(row_, c, column.title, formats_.header(column.align));
    }
    ++row_;
    rows_.first = row_;
    for (const auto& row : table.rows) {
        lines = 1;
        for (std::size_t c = 0; c < row.size() && c < table.columns.size(); ++c) {
            if (const auto* text = std::get_if<std::string>(&row[c])) {
                lines = std::max(lines, wrapped_lines(*text, width(c)));
            }
        }
        fit_row(lines);
        for (lxw_col_t c = 0; c < ncols; ++c) {
            cell(c, c < row.size() ? row[c] : report::Cell{}, table.columns[c].align);
        }
        ++row_;
    }
    rows_.last = row_ - 1;
}

void SheetWriter::highlight_rule(lxw_col_t col, lxw_conditional_format& rule) {
    rule.format = formats_.highlight();
    check(worksheet_conditional_format_range(sheet_, rows_.first, col, rows_.last, col, &rule),
          "conditional format");
}

// The rules as conditional formats, so a mark corrected in Excel colours itself. Numbers are
// compared by formula with ISNUMBER: Excel's plain "cell value < 3" also catches empty cells
// (as 0) and ">= 60" catches text, which no other writer would highlight.
void SheetWriter::highlights(const report::Table& table) {
    if (table.rows.empty()) {
        return;
    }
    char ref[LXW_MAX_CELL_NAME_LENGTH];
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        if (!table.columns[c].highlight) {
            continue;
        }
        const auto& rule = *table.columns[c].highlight;
        const auto col = static_cast<lxw_col_t>(c);
        lxw_rowcol_to_cell(ref, rows_.first, col); // relative: the rule moves down the column
        auto numeric = [&](const std::string& test) {
            std::string formula = "=AND(ISNUMBER(" + std::string(ref) + ")," + ref + test + ")";
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
            cf.value_string = formula.data();
            highlight_rule(col, cf);
        };
        for (const auto& text : rule.texts) {
            std::string quoted = "\"";
            for (char ch : text) {
                quoted += ch == '"' ? std::string("\"\"") : std::string(1, ch);
            }
            quoted += '"';
            lxw_conditional_format cf{};
            cf.type = LXW_CONDITIONAL_TYPE_CELL;
            cf.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            cf.value_string = quoted.data();
            highlight_rule(col, cf);
            // A mark 2 stored as a number is caught by the text "2" too, as in the other writers.
            if (!text.empty() && text.size() < 18 &&
                text.find_first_not_of("0123456789") == std::string::npos) {
                numeric("=" + text);
            }
        }
        if (rule.below) {
            numeric("<" + decimal_text(*rule.below, '.'));
        }
        if (rule.at_least) {
            numeric(">=" + decimal_text(*rule.at_least, '.'));
        }
    }
}

// Native charts under the table and notes, one below the other.
void SheetWriter::charts(const report::Section& section) {
    if (section.table.rows.empty() || section.table.columns.empty()) {
        return; // nothing to refer to
    }
    for (const auto& chart : section.charts) {
        lxw_chart* made = make_xlsx_chart(book_.get(), name_, section.table, chart, rows_);
        if (made == nullptr) {
            throw book_.fail("sheet «" + name_ + "»: cannot add a chart");
        }
        check(worksheet_insert_chart(sheet_, row_, 0, made), "chart");
        row_ += chart_rows;
    }
}

void SheetWriter::print_setup(const report::Document& doc) {
    worksheet_set_paper(sheet_, paper_a4);
    if (doc.orientation == report::Orientation::landscape) {
        worksheet_set_landscape(sheet_);
    } else {
        worksheet_set_portrait(sheet_);
    }
    worksheet_fit_to_pages(sheet_, 1, 0); // one page wide, as many pages tall as needed
    worksheet_set_margins(sheet_, 0.5, 0.5, 0.6, 0.6);
    check(worksheet_set_footer(sheet_, "&Cстр. &P из &N"), "page footer");
    if (first_header_ != LXW_ROW_MAX) {
        check(worksheet_repeat_rows(sheet_, first_header_, rows_.titles), "repeated header rows");
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
    const auto& columns = section.table.columns;
    if (!columns.empty()) {
        table(section.table);
        const auto last_col = static_cast<lxw_col_t>(columns.size() - 1);
        // The filter sits on the column titles; the frozen pane keeps the group row too, and
        // the key columns (№, the pupil) beside a wide table's marks.
        check(worksheet_autofilter(sheet_, rows_.titles, 0, row_ - 1, last_col), "autofilter");
        const auto keys = static_cast<lxw_col_t>(
            section.table.key_columns < columns.size() ? section.table.key_columns : 0);
        worksheet_freeze_panes(sheet_, rows_.titles + 1, keys);
        highlights(section.table);
    }
    if (!section.notes.empty() || !doc.footnotes.empty() || !doc.generated.empty() ||
        !section.charts.empty()) {
        ++row_;
    }
    for (const auto& note : section.notes) {
        line(note);
    }
    if (!section.charts.empty() && !section.notes.empty()) {
        ++row_;
    }
    charts(section);
    for (const auto& note : doc.footnotes) {
        line(note);
    }
    if (!doc.generated.empty()) {
        line("Сформировано: " + doc.generated);
    }
    print_setup(doc);
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
