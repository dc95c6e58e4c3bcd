#include "formats/pdf_writer.h"

#include "formats/cell_text.h"
#include "formats/pdf_canvas.h"
#include "formats/pdf_chart.h"
#include "formats/pdf_text.h"
#include "formats/table_shape.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace schoolctl::formats {
namespace {

// Sizes in points (1/72 inch).
constexpr float margin = 36;        // 12.7 mm on every side ...
constexpr float margin_bottom = 44; // ... with room for the footer below
constexpr float footer_baseline = 22;
constexpr float body_size = 9;
constexpr float min_cell_size = 6; // a narrow column shrinks its text down to this
// The narrowest a Column::width unit may print (a three-unit column then holds «н/а» at the
// body size); a wider table with key columns is printed in slices (table_shape.h).
constexpr float min_unit_width = 6.5f;
constexpr float slice_gap = 12;
constexpr float small_size = 8;
constexpr float title_size = 14;
constexpr float heading_size = 12;
constexpr float leading = 1.2f; // line height as a multiple of the font size
constexpr float pad_x = 3;
constexpr float pad_y = 2;
constexpr float rule_width = 0.5f;
constexpr float header_fill = 0.88f;
constexpr float gray_text = 0.35f;
constexpr std::uint32_t highlight_fill = 0xFFC7CE; // as Excel's "light red fill"
constexpr std::uint32_t highlight_text = 0x9C0006;
constexpr float chart_gap = 10;           // above a chart
constexpr float chart_max_height = 220;
constexpr float signature_spacing = 2.6f; // line height of a signature, room to sign
constexpr float signature_line = 150;     // the line to sign on

struct CellLines {
    std::vector<std::string> lines;
    float size = body_size;
};

struct Row {
    std::vector<CellLines> cells;
    std::vector<bool> caught; // cells a column's highlight rule catches
    float height = 0;
};

// The group heading row: one cell per span of columns.
struct GroupRow {
    std::vector<HeaderSpan> spans;
    std::vector<CellLines> cells;
    float height = 0;
};

// What repeats at the top of a table on every page.
struct Header {
    GroupRow groups;
    Row titles;
    float height() const { return groups.height + titles.height; }
};

class Layout {
  public:
    Layout(PdfCanvas& canvas, const report::Document& doc) : c_(canvas), doc_(doc) {}
    void run();

  private:
    bool landscape() const { return doc_.orientation == report::Orientation::landscape; }
    float content_width() const { return c_.page_width() - 2 * margin; }

    void new_page(bool continuation);
    void header_block();
    void paragraph(const std::string& text, Face face, float size, float gray = 0);
    void table(const report::Table& table);
    void table_part(const report::Table& table);
    void column_geometry(const report::Table& table);
    CellLines layout_cell(const std::string& text, Face face, float width, float max_height) const;
    Row layout_row(const std::vector<std::string>& texts, Face face, float max_height) const;
    void draw_row(const Row& row, const report::Table& table, Face face, bool header);
    Header layout_header(const report::Table& table, float max_height) const;
    void draw_header(const Header& header, const report::Table& table);
    void draw_text_lines(const CellLines& cell, float x, float w, float top, Face face,
                         report::Align align, Rgb colour);
    void charts();
    void signatures();
    void footers();

    PdfCanvas& c_;
    const report::Document& doc_;
    const report::Section* section_ = nullptr;
    float y_ = 0; // top of the free space on the current page
    std::vector<float> col_x_;
    std::vector<float> col_w_;
};

void Layout::new_page(bool continuation) {
    c_.add_page(landscape());
    y_ = c_.page_height() - margin;
    if (!continuation) {
        return;
    }
    // A reader who drops the sheets should still know where a continuation page belongs.
    std::string label;
    for (const std::string* part : {&doc_.school, &doc_.title, &section_->heading}) {
        if (!part->empty()) {
            label += (label.empty() ? "" : " — ") + *part;
        }
    }
    label += label.empty() ? "" : " (продолжение)";
    // One line only: a continuation page must never itself overflow.
    auto lines = wrap_lines(c_, pdf_safe_text(label), Face::regular, small_size, content_width());
    if (!lines.empty()) {
        y_ -= small_size * leading;
        const std::string first = lines.size() > 1 ? lines.front() + "…" : lines.front();
        c_.text({margin, y_ - c_.descent(Face::regular, small_size)}, first, Face::regular,
                small_size, gray_text);
        y_ -= 4;
    }
}

void Layout::paragraph(const std::string& text, Face face, float size, float gray) {
    const float line_height = size * leading;
    for (const auto& line : wrap_lines(c_, pdf_safe_text(text), face, size, content_width())) {
        if (y_ - line_height < margin_bottom) {
            new_page(true);
        }
        y_ -= line_height;
        c_.text({margin, y_ - c_.descent(face, size)}, line, face, size, gray);
    }
}

void Layout::header_block() {
    paragraph(doc_.school, Face::regular, body_size, gray_text);
    paragraph(doc_.title, Face::bold, title_size);
    paragraph(section_->heading, Face::bold, heading_size);
    y_ -= 2;
    for (const auto* meta : {&doc_.meta, &section_->meta}) {
        for (const auto& item : *meta) {
            paragraph(item.label + ": " + item.value, Face::regular, body_size);
        }
    }
    y_ -= 6;
}

// Widths in proportion to Column::width, filling the page's width.
void Layout::column_geometry(const report::Table& table) {
    std::vector<double> hint;
    for (const auto& column : table.columns) {
        hint.push_back(column.width > 0 ? column.width : 0);
    }
    double total = std::accumulate(hint.begin(), hint.end(), 0.0);
    if (total <= 0) {
        std::fill(hint.begin(), hint.end(), 1.0);
        total = static_cast<double>(hint.size());
    }
    col_x_.clear();
    col_w_.clear();
    float x = margin;
    for (double h : hint) {
        col_x_.push_back(x);
        col_w_.push_back(static_cast<float>(h / total) * content_width());
        x += col_w_.back();
    }
}

// A narrow column (a grade sheet's dates) gets a smaller font rather than words broken between
// letters; below min_cell_size it breaks them after all.
CellLines Layout::layout_cell(const std::string& text, Face face, float width,
                              float max_height) const {
    CellLines cell;
    std::string safe = pdf_safe_text(text);
    const float inner = std::max(width - 2 * pad_x, 1.0f);
    if (safe.empty()) {
        return cell;
    }
    // Most cells are one short line. Text with single spaces only that fits (with a margin for
    // the rounding of a sum of widths) is what wrap_lines() would give back whole, at the body
    // size: no need to measure it piece by piece.
    const bool as_is = safe.find('\n') == std::string::npos && safe.front() != ' ' &&
                       safe.back() != ' ' && safe.find("  ") == std::string::npos;
    if (as_is && c_.text_width(safe, face, body_size) < inner * 0.9999f) {
        cell.lines.push_back(std::move(safe));
        return cell;
    }
    const float widest = widest_piece(c_, safe, face, body_size);
    if (widest > inner) {
        const float fitting = std::floor(body_size * inner / widest * 2) / 2; // 0.5 pt steps
        cell.size = std::max(fitting, min_cell_size);
    }
    cell.lines = wrap_lines(c_, safe, face, cell.size, inner);
    // A cell taller than a page is cut (with «…») rather than run into the footer.
    const auto max_lines = std::max<std::size_t>(
        1, static_cast<std::size_t>((max_height - 2 * pad_y) / (cell.size * leading)));
    if (cell.lines.size() > max_lines) {
        cell.lines.resize(max_lines);
        cell.lines.back() += "…";
    }
    return cell;
}

Row Layout::layout_row(const std::vector<std::string>& texts, Face face, float max_height) const {
    Row row;
    float content = body_size * leading; // an empty row is still one line high
    for (std::size_t i = 0; i < texts.size(); ++i) {
        row.cells.push_back(layout_cell(texts[i], face, col_w_[i], max_height));
        const auto& cell = row.cells.back();
        content = std::max(content, static_cast<float>(cell.lines.size()) * cell.size * leading);
    }
    row.height = content + 2 * pad_y;
    return row;
}

void Layout::draw_text_lines(const CellLines& cell, float x0, float width, float top, Face face,
                             report::Align align, Rgb colour) {
    // Centre the glyphs' ascent-to-descent box in each line box.
    const float line_height = cell.size * leading;
    const float asc = c_.ascent(face, cell.size), desc = c_.descent(face, cell.size);
    float baseline = top - pad_y - (line_height - (asc - desc)) / 2 - asc;
    for (const auto& line : cell.lines) {
        float x = x0 + pad_x;
        if (align == report::Align::right) {
            x = x0 + width - pad_x - c_.text_width(line, face, cell.size);
        } else if (align == report::Align::center) {
            x = x0 + (width - c_.text_width(line, face, cell.size)) / 2;
        }
        c_.text({x, baseline}, line, face, cell.size, colour);
        baseline -= line_height;
    }
}

void Layout::draw_row(const Row& row, const report::Table& table, Face face, bool header) {
    const float top = y_;
    // The boxes first, then the texts: the texts then share one text object.
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        if (i < row.caught.size() && row.caught[i]) {
            c_.fill_rect({col_x_[i], top - row.height}, col_w_[i], row.height,
                         Rgb::from_hex(highlight_fill));
        }
        c_.rect({col_x_[i], top - row.height}, col_w_[i], row.height, rule_width,
                header ? header_fill : -1.0f);
    }
    for (std::size_t i = 0; i < row.cells.size(); ++i) {
        const bool caught = i < row.caught.size() && row.caught[i];
        draw_text_lines(row.cells[i], col_x_[i], col_w_[i], top, face, table.columns[i].align,
                        caught ? Rgb::from_hex(highlight_text) : Rgb{});
    }
    y_ -= row.height;
}

Header Layout::layout_header(const report::Table& table, float max_height) const {
    Header header;
    std::vector<std::string> titles;
    for (const auto& column : table.columns) {
        titles.push_back(column.title);
    }
    header.titles = layout_row(titles, Face::bold, max_height);
    header.groups.spans = group_spans(table);
    if (header.groups.spans.empty()) {
        return header;
    }
    float content = body_size * leading;
    for (const auto& span : header.groups.spans) {
        float width = 0;
        for (std::size_t c = span.first; c < span.first + span.count; ++c) {
            width += col_w_[c];
        }
        header.groups.cells.push_back(layout_cell(span.title, Face::bold, width, max_height));
        const auto& cell = header.groups.cells.back();
        content = std::max(content, static_cast<float>(cell.lines.size()) * cell.size * leading);
    }
    header.groups.height = content + 2 * pad_y;
    return header;
}

void Layout::draw_header(const Header& header, const report::Table& table) {
    const auto& groups = header.groups;
    auto span_x = [&](const HeaderSpan& span) {
        const float x = col_x_[span.first];
        const std::size_t last = span.first + span.count - 1;
        return std::pair{x, col_x_[last] + col_w_[last] - x};
    };
    for (const auto& span : groups.spans) {
        const auto [x, w] = span_x(span);
        c_.rect({x, y_ - groups.height}, w, groups.height, rule_width, header_fill);
    }
    for (std::size_t i = 0; i < groups.spans.size(); ++i) {
        const auto [x, w] = span_x(groups.spans[i]);
        draw_text_lines(groups.cells[i], x, w, y_, Face::bold, report::Align::center, Rgb{});
    }
    y_ -= groups.height;
    draw_row(header.titles, table, Face::bold, true);
}

std::vector<std::string> row_texts(const report::Table& table, std::size_t r) {
    std::vector<std::string> texts;
    const auto& cells = table.rows[r];
    for (std::size_t i = 0; i < table.columns.size(); ++i) {
        texts.push_back(i < cells.size() ? cell_text(cells[i], TextStyle::ru) : std::string{});
    }
    return texts;
}

// A table too wide for the page at a readable size goes in slices, one under the other, each
// with the key columns (№, the pupil) again, so every printed mark has its row's name beside it.
void Layout::table(const report::Table& table) {
    const auto slices = column_slices(table, content_width() / min_unit_width);
    if (slices.size() == 1) {
        table_part(table);
        return;
    }
    for (std::size_t i = 0; i < slices.size(); ++i) {
        if (i > 0) {
            y_ -= slice_gap;
        }
        table_part(column_slice(table, slices[i]));
    }
}

void Layout::table_part(const report::Table& table) {
    column_geometry(table);
    const float page_room = c_.page_height() - margin - margin_bottom - 3 * small_size * leading;
    const Header header = layout_header(table, page_room / 3);
    const float row_room = page_room - header.height();
    // The header starts a page only together with the first row, never alone at the bottom.
    const float first_height =
        table.rows.empty() ? 0 : layout_row(row_texts(table, 0), Face::regular, row_room).height;
    if (y_ - header.height() - first_height < margin_bottom) {
        new_page(true);
    }
    draw_header(header, table);
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        Row row = layout_row(row_texts(table, r), Face::regular, row_room);
        for (std::size_t c = 0; c < table.columns.size(); ++c) {
            row.caught.push_back(c < table.rows[r].size() && caught(table, c, table.rows[r][c]));
        }
        if (y_ - row.height < margin_bottom) {
            new_page(true);
            draw_header(header, table);
        }
        draw_row(row, table, Face::regular, false);
    }
    c_.check();
}

// Under the notes, as wide as the text; a chart that does not fit the rest of the page starts
// the next one rather than being cut.
void Layout::charts() {
    if (section_->table.rows.empty()) {
        return;
    }
    const float height = std::min(chart_max_height, content_width() * 0.5f);
    for (const auto& chart : section_->charts) {
        if (y_ - chart_gap - height < margin_bottom) {
            new_page(true);
        }
        y_ -= chart_gap;
        draw_pdf_chart(c_, section_->table, chart, {margin, y_}, content_width(), height);
        y_ -= height;
    }
}

// «Классный руководитель ____________ Смирнова О. В.»: the lines start at one x so they read
// as a form, and the block stays on one page.
void Layout::signatures() {
    const auto& items = doc_.signatures;
    if (items.empty()) {
        return;
    }
    const float line_height = body_size * signature_spacing;
    const float total = line_height * static_cast<float>(items.size()) + body_size;
    if (y_ - total < margin_bottom) {
        new_page(true);
    }
    y_ -= body_size;
    float label_width = 0;
    for (const auto& item : items) {
        label_width = std::max(label_width,
                               c_.text_width(pdf_safe_text(item.label), Face::regular, body_size));
    }
    // A very long label may not push the line off the page.
    label_width = std::min(label_width, content_width() - signature_line - 120);
    const float line_x = margin + label_width + 8;
    for (const auto& item : items) {
        y_ -= line_height;
        const auto label =
            wrap_lines(c_, pdf_safe_text(item.label), Face::regular, body_size, label_width);
        if (!label.empty()) {
            const std::string first = label.size() > 1 ? label.front() + "…" : label.front();
            c_.text({margin, y_}, first, Face::regular, body_size);
        }
        c_.hline(line_x, line_x + signature_line, y_ - 1.5f, rule_width);
        c_.text({line_x + signature_line + 8, y_}, pdf_safe_text(item.value), Face::regular,
                body_size);
    }
}

void Layout::footers() {
    const std::size_t total = c_.page_count();
    for (std::size_t i = 0; i < total; ++i) {
        c_.select_page(i);
        if (!doc_.generated.empty()) {
            c_.text({margin, footer_baseline}, pdf_safe_text("Сформировано: " + doc_.generated),
                    Face::regular, small_size, gray_text);
        }
        const std::string page = "стр. " + std::to_string(i + 1) + " из " + std::to_string(total);
        const float w = c_.text_width(page, Face::regular, small_size);
        c_.text({c_.page_width() - margin - w, footer_baseline}, page, Face::regular, small_size,
                gray_text);
    }
}

void Layout::run() {
    const report::Section no_sections;
    const std::size_t count = std::max<std::size_t>(doc_.sections.size(), 1);
    for (std::size_t s = 0; s < count; ++s) {
        section_ = s < doc_.sections.size() ? &doc_.sections[s] : &no_sections;
        new_page(false);
        header_block();
        if (!section_->table.columns.empty()) {
            table(section_->table);
        }
        if (!section_->notes.empty()) {
            y_ -= 6;
        }
        for (const auto& note : section_->notes) {
            paragraph(note, Face::regular, small_size);
        }
        charts();
        signatures();
    }
    if (!doc_.footnotes.empty()) {
        y_ -= 10;
    }
    for (const auto& note : doc_.footnotes) {
        paragraph(note, Face::regular, small_size, gray_text);
    }
    footers();
    c_.check();
}

} // namespace

void write_pdf(const report::Document& doc, std::ostream& out, const PdfOptions& options) {
    // Russian text fits single-byte fonts, which cost libharu far less per file than Unicode
    // ones (pdf_canvas.h); a document with any other character is drawn again with those.
    for (const PdfEncoding encoding : {PdfEncoding::windows_1251, PdfEncoding::unicode}) {
        PdfCanvas canvas(options.font_regular, options.font_bold, encoding);
        canvas.set_info(doc.title, doc.school, options.created);
        try {
            Layout(canvas, doc).run();
        } catch (const PdfNeedsUnicode&) {
            continue;
        }
        canvas.save(out);
        return;
    }
}

} // namespace schoolctl::formats
