#pragma once
// libharu behind a small C++ surface for the PDF writer: one document with the two embedded
// Liberation Sans faces, pages, text and ruled boxes. libharu's errors are recorded by its
// handler (an exception must not unwind through C frames) and raised by check().
#include <array>
#include <cstdint>
#include <exception>
#include <ctime>
#include <hpdf.h>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

enum class Face { regular, bold };

// How the fonts encode text. Windows-1251 (ASCII, Russian with Ё, «», —, №, …) makes simple
// TrueType fonts of 256 codes. Unicode makes CID fonts that draw any character of the BMP but
// cost libharu a fixed amount per font and file: it maps and measures all 65,536 code points
// and writes their widths and a 128 KiB glyph map, which in a 25-page file is as much work as
// the pages themselves.
enum class PdfEncoding { windows_1251, unicode };

// Thrown by PdfCanvas::text() for a character its encoding lacks: the caller draws the document
// again on a canvas with PdfEncoding::unicode.
struct PdfNeedsUnicode : std::exception {
    const char* what() const noexcept override { return "text needs a Unicode font"; }
};

struct Point {
    float x = 0;
    float y = 0;
};

// A colour with components 0..1.
struct Rgb {
    float r = 0;
    float g = 0;
    float b = 0;
    static Rgb from_hex(std::uint32_t rrggbb);
    bool operator==(const Rgb&) const = default;
};

class PdfCanvas {
  public:
    // Loads and embeds both fonts. A missing or unusable font file is Error(no_input) naming the
    // path and the config key that chooses it.
    PdfCanvas(const std::string& regular_font, const std::string& bold_font,
              PdfEncoding encoding = PdfEncoding::unicode);
    PdfCanvas(const PdfCanvas&) = delete;
    PdfCanvas& operator=(const PdfCanvas&) = delete;
    ~PdfCanvas();

    void set_info(const std::string& title, const std::string& subject, std::time_t created);

    // A4, in points; the origin is the lower left corner.
    void add_page(bool landscape);
    float page_width() const { return width_; }
    float page_height() const { return height_; }
    std::size_t page_count() const { return pages_.size(); }
    // Later pages may still be drawn on (footers with the page total are drawn last).
    void select_page(std::size_t index);

    float text_width(std::string_view text, Face face, float size) const;
    float ascent(Face face, float size) const;
    float descent(Face face, float size) const; // negative, below the baseline
    // `text` must have come through pdf_safe_text(). Throws PdfNeedsUnicode for a character a
    // Windows-1251 canvas cannot draw.
    void text(Point baseline, std::string_view text, Face face, float size, float gray = 0);
    void text(Point baseline, std::string_view text, Face face, float size, Rgb colour);
    void rect(Point lower_left, float w, float h, float line_width, float fill_gray = -1);
    void hline(float x0, float x1, float y, float line_width);
    // Colour for highlights and charts: filled shapes without an outline, stroked lines.
    void fill_rect(Point lower_left, float w, float h, Rgb fill);
    void line(Point a, Point b, float width, Rgb colour);
    void polyline(const std::vector<Point>& points, float width, Rgb colour);
    void disc(Point centre, float radius, Rgb fill);

    // Throws Error(io) if libharu reported anything since the last check.
    void check() const;
    void save(std::ostream& out);

  private:
    HPDF_Font font(Face face) const { return face == Face::bold ? bold_ : regular_; }
    HPDF_Font load_font(const std::string& path);
    // The bytes libharu is to draw for `text`, in encoded_ (which keeps its buffer).
    const char* encode(std::string_view text);

    struct ErrorState {
        HPDF_STATUS error = HPDF_OK;
        HPDF_STATUS detail = 0;
    };
    static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data);
    ErrorState errors_;
    PdfEncoding encoding_;
    std::string encoded_;
    HPDF_Doc pdf_ = nullptr;
    HPDF_Font regular_ = nullptr;
    HPDF_Font bold_ = nullptr;
    std::vector<HPDF_Page> pages_;
    HPDF_Page page_ = nullptr;
    float width_ = 0;
    float height_ = 0;
    // The advance of each code point measured so far, per face, in 1/1000 em (-1: not yet).
    // libharu finds a glyph by searching the font's cmap, and a table's layout measures every
    // text several times (wrapping, the widest word, alignment): the cache leaves one search per
    // code point and document.
    mutable std::array<std::vector<std::int16_t>, 2> advances_;

    // What the page's content stream has set, so a table's thousand cells do not each repeat
    // the same operators: consecutive texts share one text object (BT … ET) and their font,
    // and a colour or line width is written only when it changes. Forgotten with the page.
    void forget_state();
    void end_text();
    void fill_colour(Rgb colour);
    void stroke(float line_width, float gray);
    bool in_text_ = false;
    HPDF_Font text_font_ = nullptr;
    float text_size_ = 0;
    std::optional<Rgb> fill_;
    float line_width_ = -1;
    float stroke_gray_ = -1;
};

// Valid UTF-8 in the Basic Multilingual Plane without control characters, which is all
// libharu can draw: other code points become '?', other control characters spaces; '\n' stays
// for wrap_lines().
std::string pdf_safe_text(std::string_view utf8);

} // namespace schoolctl::formats
