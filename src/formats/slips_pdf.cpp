#include "formats/slips_pdf.h"

#include "formats/pdf_canvas.h"
#include "formats/pdf_text.h"

#include <algorithm>
#include <cmath>

namespace schoolctl::formats {
namespace {

// Sizes in points (1/72 inch). On A4 this makes a slip 95 × 66.5 mm.
constexpr std::size_t columns = 2;
constexpr std::size_t rows = 4;
constexpr std::size_t per_page = columns * rows;
constexpr float margin_x = 28;
constexpr float heading_top = 26; // below the top edge of the page
constexpr float grid_top = 50;    // below the top edge; the group's heading sits above
constexpr float grid_bottom = 40; // above the bottom edge; the footer sits below
constexpr float footer_baseline = 22;
constexpr float pad_x = 14;
constexpr float pad_y = 11;
constexpr float leading = 1.2f; // line height as a multiple of the font size
constexpr float size_step = 0.5f;
constexpr float heading_size = 13;
constexpr float label_size = 8.5f;
constexpr float small_size = 8;
constexpr float gray_text = 0.35f;
constexpr float code_fill = 0.9f;
constexpr float code_pad = 4;
constexpr float cut_width = 0.5f;
constexpr float dash = 4;
constexpr float dash_gap = 3;

constexpr const char* ellipsis = "…";

struct Box {
    float x = 0; // lower left corner
    float y = 0;
    float w = 0;
    float h = 0;
};

// One run of text: a paragraph, or a label with its value hanging to the right of it.
struct Block {
    std::string label;
    std::string text;
    Face face = Face::regular;
    float size = 9;
    float preferred_size = 9;
    float min_size = 6;
    std::size_t max_lines = 1; // more lines than this make the font smaller first
    float gap = 0;             // space above the block
    float gray = 0;
    bool squeezable = true; // may shrink further for the whole slip to fit its height
    bool boxed = false;     // the activation code: centred on a shaded band
    std::vector<std::string> lines;
};

Block block(const std::string& label, const std::string& text, Face face, float size,
            float min_size, std::size_t max_lines, float gap) {
    Block b;
    b.label = pdf_safe_text(label);
    b.text = pdf_safe_text(text);
    b.face = face;
    b.size = size;
    b.preferred_size = size;
    b.min_size = min_size;
    b.max_lines = max_lines;
    b.gap = gap;
    return b;
}

float line_height(const Block& b) {
    return b.size * leading;
}

// The label never outgrows its value, so a line's height depends on the value alone.
float label_size_for(const Block& b) {
    return std::min(label_size, b.size);
}

float value_x(const PdfCanvas& c, const Block& b) {
    return b.label.empty() ? 0 : c.text_width(b.label + " ", Face::regular, label_size_for(b));
}

float value_width(const PdfCanvas& c, const Block& b, float width) {
    return width - value_x(c, b) - (b.boxed ? 2 * code_pad : 0);
}

float text_height(const Block& b) {
    return static_cast<float>(b.lines.size()) * line_height(b) + (b.boxed ? 2 * code_pad : 0);
}

void rewrap(const PdfCanvas& c, Block& b, float width) {
    b.lines = wrap_lines(c, b.text, b.face, b.size, value_width(c, b, width));
}

void end_with_ellipsis(const PdfCanvas& c, std::string& line, const Block& b, float width) {
    const float room = value_width(c, b, width);
    while (!line.empty() &&
           (line.back() == ' ' || c.text_width(line + ellipsis, b.face, b.size) > room)) {
        std::size_t n = line.size() - 1;
        while (n > 0 && (static_cast<unsigned char>(line[n]) & 0xC0u) == 0x80u) {
            --n; // back to the first byte of the last UTF-8 character
        }
        line.resize(n);
    }
    line += ellipsis;
}

// Smaller type first (for each block down to its own minimum, the tallest block first), and
// only when that is not enough, lines cut with «…»: a name is better small than cut.
void fit(const PdfCanvas& c, std::vector<Block>& blocks, float width, float height) {
    for (Block& b : blocks) {
        rewrap(c, b, width);
        while (b.size > b.min_size &&
               (b.lines.size() > b.max_lines ||
                widest_piece(c, b.text, b.face, b.size) > value_width(c, b, width))) {
            b.size = std::max(b.size - size_step, b.min_size);
            rewrap(c, b, width);
        }
    }
    const auto total = [&blocks] {
        float h = 0;
        for (const Block& b : blocks) {
            h += b.gap + text_height(b);
        }
        return h;
    };
    while (total() > height) {
        Block* tallest = nullptr;
        for (Block& b : blocks) {
            if (b.squeezable && b.size > b.min_size &&
                (tallest == nullptr || text_height(b) > text_height(*tallest))) {
                tallest = &b;
            }
        }
        if (tallest == nullptr) {
            break;
        }
        tallest->size = std::max(tallest->size - size_step, tallest->min_size);
        rewrap(c, *tallest, width);
    }
    // A block that needs more lines than it wanted even at its smallest size takes back the
    // room the others left: a long name in larger type on five lines beats tiny type on four.
    for (Block& b : blocks) {
        while (b.lines.size() > b.max_lines && b.size < b.preferred_size) {
            const float before = b.size;
            b.size = std::min(b.size + size_step, b.preferred_size);
            rewrap(c, b, width);
            if (total() > height ||
                widest_piece(c, b.text, b.face, b.size) > value_width(c, b, width)) {
                b.size = before;
                rewrap(c, b, width);
                break;
            }
        }
    }
    while (total() > height) {
        Block* longest = nullptr;
        for (Block& b : blocks) {
            if (b.lines.size() > 1 &&
                (longest == nullptr || b.lines.size() > longest->lines.size())) {
                longest = &b;
            }
        }
        if (longest == nullptr) {
            break;
        }
        longest->lines.pop_back();
        end_with_ellipsis(c, longest->lines.back(), *longest, width);
    }
}

void draw_blocks(PdfCanvas& c, const std::vector<Block>& blocks, float x0, float top, float width) {
    float y = top;
    for (const Block& b : blocks) {
        y -= b.gap;
        if (b.boxed) {
            const float h = text_height(b);
            c.rect({x0, y - h}, width, h, cut_width, code_fill);
            y -= code_pad;
        }
        const float lh = line_height(b);
        // Centre the glyphs' ascent-to-descent box in each line box.
        const float asc = c.ascent(b.face, b.size), desc = c.descent(b.face, b.size);
        const float to_baseline = (lh - (asc - desc)) / 2 + asc;
        if (!b.label.empty()) {
            c.text({x0, y - to_baseline}, b.label, Face::regular, label_size_for(b), gray_text);
        }
        const float x = x0 + value_x(c, b);
        for (const std::string& line : b.lines) {
            float lx = x;
            if (b.boxed) {
                lx = x0 + (width - c.text_width(line, b.face, b.size)) / 2;
            }
            c.text({lx, y - to_baseline}, line, b.face, b.size, b.gray);
            y -= lh;
        }
        if (b.boxed) {
            y -= code_pad;
        }
    }
}

std::vector<Block> slip_blocks(const CredentialSlip& slip, const SlipsOptions& options) {
    std::vector<Block> blocks;
    const auto add = [&blocks](Block b) {
        if (!b.text.empty()) {
            blocks.push_back(std::move(b));
        }
    };
    Block school = block("", options.school_name, Face::regular, small_size, 6, 2, 0);
    school.gray = gray_text;
    add(school);
    add(block("", slip.person_name, Face::bold, 13, 7, 2, 3));
    add(block("", slip.detail, Face::regular, 9, 6, 2, 1));
    Block login = block("Логин:", slip.login, Face::bold, 12, 7, 1, 7);
    login.squeezable = false;
    add(login);
    Block label = block("", "Код активации:", Face::regular, label_size, label_size, 1, 3);
    label.gray = gray_text;
    label.squeezable = false;
    Block code = block("", slip.code, Face::bold, 17, 8, 1, 2);
    code.boxed = true;
    code.squeezable = false;
    if (!code.text.empty()) {
        add(label);
        add(code);
    }
    Block expires = block("Действует до:", slip.expires, Face::bold, 10, 7, 1, 5);
    expires.squeezable = false;
    add(expires);
    add(block("Вход:", options.login_url, Face::regular, 10, 6, 2, 1));
    Block hint = block("", "Введите логин и код при первом входе и задайте свой пароль.",
                       Face::regular, 7.5f, 6, 2, 5);
    hint.gray = gray_text;
    add(hint);
    return blocks;
}

// Dashes spread so that every line starts and ends with one: the corners of the grid meet.
std::vector<float> dash_starts(float length) {
    const auto n = std::max(2.0f, std::floor((length + dash_gap) / (dash + dash_gap)));
    const float period = (length - dash) / (n - 1);
    std::vector<float> starts;
    for (float k = 0; k < n; ++k) {
        starts.push_back(k * period);
    }
    return starts;
}

void dashed_hline(PdfCanvas& c, float x0, float x1, float y) {
    for (float s : dash_starts(x1 - x0)) {
        c.hline(x0 + s, x0 + s + dash, y, cut_width);
    }
}

// PdfCanvas draws horizontal lines only; a vertical dash is a thin filled rectangle.
void dashed_vline(PdfCanvas& c, float x, float y0, float y1) {
    for (float s : dash_starts(y1 - y0)) {
        c.rect({x - cut_width / 2, y0 + s}, cut_width, dash, 0, 0);
    }
}

class Pages {
  public:
    Pages(PdfCanvas& canvas, const SlipsOptions& options) : c_(canvas), options_(options) {}
    void group(const SlipGroup& group);
    void nothing_to_issue();
    void footers();

  private:
    Box slot(std::size_t index) const;
    void heading(const std::string& text);
    void cut_lines(std::size_t used);

    PdfCanvas& c_;
    const SlipsOptions& options_;
};

Box Pages::slot(std::size_t index) const {
    const float w = (c_.page_width() - 2 * margin_x) / static_cast<float>(columns);
    const float top = c_.page_height() - grid_top;
    const float h = (top - grid_bottom) / static_cast<float>(rows);
    const auto column = static_cast<float>(index % columns);
    const auto row = static_cast<float>(index / columns);
    return {margin_x + column * w, top - (row + 1) * h, w, h};
}

void Pages::heading(const std::string& text) {
    std::vector<Block> blocks{block("", text, Face::bold, heading_size, 9, 1, 0)};
    const float width = c_.page_width() - 2 * margin_x;
    fit(c_, blocks, width, heading_size * leading);
    draw_blocks(c_, blocks, margin_x, c_.page_height() - heading_top, width);
}

// Each slot's top and left edges, and the right and bottom ones where no slot follows: every
// edge is drawn once, and an unused slot on the last page gets no frame.
void Pages::cut_lines(std::size_t used) {
    for (std::size_t i = 0; i < used; ++i) {
        const Box b = slot(i);
        dashed_hline(c_, b.x, b.x + b.w, b.y + b.h);
        dashed_vline(c_, b.x, b.y, b.y + b.h);
        if (i % columns == columns - 1 || i + 1 == used) {
            dashed_vline(c_, b.x + b.w, b.y, b.y + b.h);
        }
        if (i + columns >= used) {
            dashed_hline(c_, b.x, b.x + b.w, b.y);
        }
    }
}

void Pages::group(const SlipGroup& group) {
    for (std::size_t first = 0; first < group.slips.size(); first += per_page) {
        c_.add_page(false);
        const std::string more = group.heading.empty() || first == 0 ? "" : " (продолжение)";
        heading(group.heading + more);
        const std::size_t used = std::min(per_page, group.slips.size() - first);
        for (std::size_t i = 0; i < used; ++i) {
            const Box b = slot(i);
            auto blocks = slip_blocks(group.slips[first + i], options_);
            fit(c_, blocks, b.w - 2 * pad_x, b.h - 2 * pad_y);
            draw_blocks(c_, blocks, b.x + pad_x, b.y + b.h - pad_y, b.w - 2 * pad_x);
        }
        cut_lines(used);
        c_.text({margin_x, footer_baseline}, pdf_safe_text("Разрежьте по пунктирным линиям."),
                Face::regular, small_size, gray_text);
        c_.check();
    }
}

void Pages::nothing_to_issue() {
    c_.add_page(false);
    heading("Нет учётных записей для выдачи");
}

void Pages::footers() {
    const std::size_t total = c_.page_count();
    for (std::size_t i = 0; i < total; ++i) {
        c_.select_page(i);
        const std::string page =
            pdf_safe_text("стр. " + std::to_string(i + 1) + " из " + std::to_string(total));
        const float w = c_.text_width(page, Face::regular, small_size);
        c_.text({c_.page_width() - margin_x - w, footer_baseline}, page, Face::regular, small_size,
                gray_text);
    }
}

} // namespace

void write_slips_pdf(const std::vector<SlipGroup>& groups, const SlipsOptions& options,
                     std::ostream& out) {
    PdfCanvas canvas(options.font_regular, options.font_bold);
    canvas.set_info("Учётные данные для входа", options.school_name, options.created);
    Pages pages(canvas, options);
    for (const SlipGroup& group : groups) {
        pages.group(group);
    }
    if (canvas.page_count() == 0) {
        pages.nothing_to_issue();
    }
    pages.footers();
    canvas.check();
    canvas.save(out);
}

} // namespace schoolctl::formats
