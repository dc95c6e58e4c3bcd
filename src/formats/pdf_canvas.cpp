#include "formats/pdf_canvas.h"

#include "util/error.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace schoolctl::formats {
namespace {

// One code point of the Basic Multilingual Plane from UTF-8, advancing `p`; false for anything
// else (a 4-byte sequence, a stray continuation byte, a cut sequence), leaving `p` where it was.
bool next_code_point(const unsigned char*& p, const unsigned char* end, char32_t& cp) {
    if (*p < 0x80) {
        cp = *p++;
        return true;
    }
    if ((*p & 0xE0u) == 0xC0u && end - p >= 2) {
        cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
        p += 2;
        return true;
    }
    if ((*p & 0xF0u) == 0xE0u && end - p >= 3) {
        cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
        p += 3;
        return true;
    }
    return false;
}

std::string hex(HPDF_STATUS code) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out = "0x0000";
    for (std::size_t i = 5; i >= 2; --i, code >>= 4) {
        out[i] = digits[code & 0xFu];
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0u | (cp >> 6));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    } else {
        out += static_cast<char>(0xE0u | (cp >> 12));
        out += static_cast<char>(0x80u | ((cp >> 6) & 0x3Fu));
        out += static_cast<char>(0x80u | (cp & 0x3Fu));
    }
}

// The code points of Windows-1251's bytes 0x80..0xFF (0x98 has none), as libharu's "CP1251"
// encoder maps them.
constexpr std::array<char16_t, 128> windows_1251_high{
    0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021, 0x20AC, 0x2030, 0x0409,
    0x2039, 0x040A, 0x040C, 0x040B, 0x040F, 0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x0000, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F, 0x00A0,
    0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7, 0x0401, 0x00A9, 0x0404, 0x00AB,
    0x00AC, 0x00AD, 0x00AE, 0x0407, 0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6,
    0x00B7, 0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457, 0x0410, 0x0411,
    0x0412, 0x0413, 0x0414, 0x0415, 0x0416, 0x0417, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C,
    0x041D, 0x041E, 0x041F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0424, 0x0425, 0x0426, 0x0427,
    0x0428, 0x0429, 0x042A, 0x042B, 0x042C, 0x042D, 0x042E, 0x042F, 0x0430, 0x0431, 0x0432,
    0x0433, 0x0434, 0x0435, 0x0436, 0x0437, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D,
    0x043E, 0x043F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0444, 0x0445, 0x0446, 0x0447, 0x0448,
    0x0449, 0x044A, 0x044B, 0x044C, 0x044D, 0x044E, 0x044F};

// The Windows-1251 byte of a code point, or 0 when it has none.
unsigned char windows_1251_byte(char32_t cp) {
    if (cp < 0x80) {
        return static_cast<unsigned char>(cp);
    }
    if (cp >= 0x0410 && cp <= 0x044F) { // А..я, most of any Russian text
        return static_cast<unsigned char>(cp - 0x0410 + 0xC0);
    }
    for (std::size_t i = 0; i < windows_1251_high.size(); ++i) {
        if (windows_1251_high[i] == cp && cp != 0) {
            return static_cast<unsigned char>(0x80 + i);
        }
    }
    return 0;
}

} // namespace

std::string pdf_safe_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        const std::size_t len = b < 0x80           ? 1
                                : (b >> 5) == 0x6  ? 2
                                : (b >> 4) == 0xE  ? 3
                                : (b >> 3) == 0x1E ? 4
                                                   : 0;
        char32_t cp = len == 1 ? b : len == 2 ? (b & 0x1Fu) : len == 3 ? (b & 0x0Fu) : (b & 0x07u);
        bool ok = len != 0 && i + len <= s.size();
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto c = static_cast<unsigned char>(s[i + k]);
            ok = (c & 0xC0u) == 0x80u;
            cp = (cp << 6) | (c & 0x3Fu);
        }
        // Overlong forms and surrogates are invalid; beyond the BMP libharu cannot encode.
        ok = ok && !(len == 2 && cp < 0x80) &&
             !(len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)));
        if (!ok || len == 4) {
            out += '?';
            i += ok ? len : 1;
            continue;
        }
        append_utf8(out, (cp < 0x20 && cp != U'\n') || cp == 0x7F ? U' ' : cp);
        i += len;
    }
    return out;
}

void PdfCanvas::on_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
    // Keep the first error: later ones are usually its consequences.
    auto* state = static_cast<ErrorState*>(user_data);
    if (state->error == HPDF_OK) {
        *state = {error, detail};
    }
}

PdfCanvas::PdfCanvas(const std::string& regular_font, const std::string& bold_font,
                     PdfEncoding encoding)
    : encoding_(encoding) {
    pdf_ = HPDF_New(on_error, &errors_);
    if (pdf_ == nullptr) {
        throw Error(ExitCode::failure, "cannot start a PDF document: out of memory");
    }
    try {
        // Without these the text is WinAnsi and Cyrillic prints as garbage with no error at all.
        // The document's title and subject go through the current encoder whichever the fonts
        // use.
        HPDF_UseUTFEncodings(pdf_);
        HPDF_SetCurrentEncoder(pdf_, "UTF-8");
        HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        check();
        regular_ = load_font(regular_font);
        bold_ = bold_font == regular_font ? regular_ : load_font(bold_font);
    } catch (...) {
        HPDF_Free(pdf_);  // the destructor does not run for a constructor that throws
        throw;
    }
}

PdfCanvas::~PdfCanvas() {
    HPDF_Free(pdf_);
}

HPDF_Font PdfCanvas::load_font(const std::string& path) {
    const std::string hint = " (choose another with reports.font in schoolctl.toml, or install "
                             "fonts-liberation2)";
    if (!std::ifstream(path, std::ios::binary)) {
        throw Error(ExitCode::no_input,
                    "cannot read font " + path + ": " + std::strerror(errno) + hint);
    }
    // HPDF_TRUE embeds the font: a PDF must print the same on a machine without it.
    const char* name = HPDF_LoadTTFontFromFile(pdf_, path.c_str(), HPDF_TRUE);
    // The encoder is named: with NULL the font would be WinAnsi, and Cyrillic garbage.
    const char* encoder = encoding_ == PdfEncoding::windows_1251 ? "CP1251" : "UTF-8";
    HPDF_Font font = name != nullptr ? HPDF_GetFont(pdf_, name, encoder) : nullptr;
    if (font == nullptr || errors_.error != HPDF_OK) {
        throw Error(ExitCode::no_input, "cannot use font " + path +
                                            ": not a TrueType font libharu can embed (error " +
                                            hex(errors_.error) + ")" + hint);
    }
    return font;
}

void PdfCanvas::check() const {
    if (errors_.error != HPDF_OK) {
        throw Error(ExitCode::io, "cannot render PDF: libharu error " + hex(errors_.error) +
                                      " (detail " + std::to_string(errors_.detail) + ")");
    }
}

void PdfCanvas::set_info(const std::string& title, const std::string& subject,
                         std::time_t created) {
    HPDF_SetInfoAttr(pdf_, HPDF_INFO_CREATOR, "schoolctl");
    if (!title.empty()) {
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_TITLE, pdf_safe_text(title).c_str());
    }
    if (!subject.empty()) {
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_SUBJECT, pdf_safe_text(subject).c_str());
    }
    std::tm tm{};
    gmtime_r(&created, &tm);
    HPDF_Date date{tm.tm_year + 1900,       tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                   std::min(tm.tm_sec, 59), 'Z',           0,          0};
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_CREATION_DATE, date);
    HPDF_SetInfoDateAttr(pdf_, HPDF_INFO_MOD_DATE, date);
    check();
}

void PdfCanvas::forget_state() {
    in_text_ = false;
    text_font_ = nullptr;
    text_size_ = 0;
    fill_.reset();
    line_width_ = -1;
    stroke_gray_ = -1;
}

void PdfCanvas::end_text() {
    if (in_text_) {
        HPDF_Page_EndText(page_);
        in_text_ = false;
    }
}

void PdfCanvas::fill_colour(Rgb colour) {
    if (fill_ != colour) {
        HPDF_Page_SetRGBFill(page_, colour.r, colour.g, colour.b);
        fill_ = colour;
    }
}

void PdfCanvas::stroke(float line_width, float gray) {
    if (line_width != line_width_) {
        HPDF_Page_SetLineWidth(page_, line_width);
        line_width_ = line_width;
    }
    if (gray != stroke_gray_) {
        HPDF_Page_SetGrayStroke(page_, gray);
        stroke_gray_ = gray;
    }
}

void PdfCanvas::add_page(bool landscape) {
    if (page_ != nullptr) {
        end_text();
    }
    page_ = HPDF_AddPage(pdf_);
    forget_state();
    HPDF_Page_SetSize(page_, HPDF_PAGE_SIZE_A4,
                      landscape ? HPDF_PAGE_LANDSCAPE : HPDF_PAGE_PORTRAIT);
    check();
    pages_.push_back(page_);
    width_ = HPDF_Page_GetWidth(page_);
    height_ = HPDF_Page_GetHeight(page_);
}

void PdfCanvas::select_page(std::size_t index) {
    if (page_ != nullptr) {
        end_text();
    }
    page_ = pages_.at(index);
    forget_state();  // the page's stream ends in whatever state it was left in
    width_ = HPDF_Page_GetWidth(page_);
    height_ = HPDF_Page_GetHeight(page_);
}

float PdfCanvas::text_width(std::string_view text, Face face, float size) const {
    if (text.empty()) {
        return 0;
    }
    // libharu applies no kerning, so widths add up: callers may sum word widths, and so does
    // this, one cached advance per code point.
    auto& advances = advances_[face == Face::bold ? 1 : 0];
    if (advances.empty()) {
        advances.assign(0x10000, -1);
    }
    std::int64_t total = 0;
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        char32_t cp = 0;
        if (!next_code_point(p, end, cp)) {
            // Not what pdf_safe_text() gives: let libharu measure it as it would draw it.
            if (encoding_ == PdfEncoding::windows_1251) {
                throw PdfNeedsUnicode();
            }
            const HPDF_TextWidth tw =
                HPDF_Font_TextWidth(font(face), reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                    static_cast<HPDF_UINT>(text.size()));
            return static_cast<float>(tw.width) * size / 1000.0f;
        }
        std::int16_t& advance = advances[cp];
        if (advance < 0) {
            advance = static_cast<std::int16_t>(
                std::max<HPDF_INT>(0, HPDF_Font_GetUnicodeWidth(font(face),
                                                                static_cast<HPDF_UNICODE>(cp))));
        }
        total += advance;
    }
    return static_cast<float>(total) * size / 1000.0f;
}

float PdfCanvas::ascent(Face face, float size) const {
    return static_cast<float>(HPDF_Font_GetAscent(font(face))) * size / 1000.0f;
}

float PdfCanvas::descent(Face face, float size) const {
    return static_cast<float>(HPDF_Font_GetDescent(font(face))) * size / 1000.0f;
}

void PdfCanvas::text(Point baseline, std::string_view text, Face face, float size, float gray) {
    this->text(baseline, text, face, size, Rgb{gray, gray, gray});
}

Rgb Rgb::from_hex(std::uint32_t rrggbb) {
    return {static_cast<float>((rrggbb >> 16) & 0xFFu) / 255.0f,
            static_cast<float>((rrggbb >> 8) & 0xFFu) / 255.0f,
            static_cast<float>(rrggbb & 0xFFu) / 255.0f};
}

const char* PdfCanvas::encode(std::string_view text) {
    if (encoding_ == PdfEncoding::unicode) {
        encoded_.assign(text); // libharu wants a terminated string
        return encoded_.c_str();
    }
    encoded_.clear();
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    while (p < end) {
        char32_t cp = 0;
        if (!next_code_point(p, end, cp)) {
            throw PdfNeedsUnicode();
        }
        const unsigned char byte = windows_1251_byte(cp);
        if (byte == 0) {
            throw PdfNeedsUnicode();
        }
        encoded_ += static_cast<char>(byte);
    }
    return encoded_.c_str();
}

void PdfCanvas::text(Point baseline, std::string_view text, Face face, float size, Rgb colour) {
    if (text.empty()) {
        return;
    }
    const char* s = encode(text);
    fill_colour(colour);
    if (!in_text_) {
        HPDF_Page_BeginText(page_);
        in_text_ = true;
    }
    if (text_font_ != font(face) || text_size_ != size) {
        HPDF_Page_SetFontAndSize(page_, font(face), size);
        text_font_ = font(face);
        text_size_ = size;
    }
    HPDF_Page_TextOut(page_, baseline.x, baseline.y, s);
}

void PdfCanvas::fill_rect(Point lower_left, float w, float h, Rgb fill) {
    end_text();
    fill_colour(fill);
    HPDF_Page_Rectangle(page_, lower_left.x, lower_left.y, w, h);
    HPDF_Page_Fill(page_);
}

void PdfCanvas::line(Point a, Point b, float width, Rgb colour) {
    polyline({a, b}, width, colour);
}

void PdfCanvas::polyline(const std::vector<Point>& points, float width, Rgb colour) {
    if (points.size() < 2) {
        return;
    }
    end_text();
    HPDF_Page_SetLineWidth(page_, width);
    HPDF_Page_SetRGBStroke(page_, colour.r, colour.g, colour.b);
    line_width_ = width;
    stroke_gray_ = -1;  // a colour now, not a gray
    HPDF_Page_SetLineJoin(page_, HPDF_ROUND_JOIN);
    HPDF_Page_MoveTo(page_, points.front().x, points.front().y);
    for (std::size_t i = 1; i < points.size(); ++i) {
        HPDF_Page_LineTo(page_, points[i].x, points[i].y);
    }
    HPDF_Page_Stroke(page_);
    HPDF_Page_SetLineJoin(page_, HPDF_MITER_JOIN);
}

void PdfCanvas::disc(Point centre, float radius, Rgb fill) {
    end_text();
    fill_colour(fill);
    HPDF_Page_Circle(page_, centre.x, centre.y, radius);
    HPDF_Page_Fill(page_);
}

void PdfCanvas::rect(Point lower_left, float w, float h, float line_width, float fill_gray) {
    end_text();
    // Colours must be set before the path starts: libharu refuses them in path mode.
    stroke(line_width, 0);
    if (fill_gray >= 0) {
        fill_colour({fill_gray, fill_gray, fill_gray});
    }
    HPDF_Page_Rectangle(page_, lower_left.x, lower_left.y, w, h);
    if (fill_gray >= 0) {
        HPDF_Page_FillStroke(page_);
    } else {
        HPDF_Page_Stroke(page_);
    }
}

void PdfCanvas::hline(float x0, float x1, float y, float line_width) {
    end_text();
    stroke(line_width, 0);
    HPDF_Page_MoveTo(page_, x0, y);
    HPDF_Page_LineTo(page_, x1, y);
    HPDF_Page_Stroke(page_);
}

void PdfCanvas::save(std::ostream& out) {
    if (page_ != nullptr) {
        end_text();
    }
    check();
    HPDF_SaveToStream(pdf_);
    check();
    std::vector<HPDF_BYTE> buf(64 * 1024);
    for (;;) {
        auto n = static_cast<HPDF_UINT32>(buf.size());
        const HPDF_STATUS rc = HPDF_ReadFromStream(pdf_, buf.data(), &n);
        out.write(reinterpret_cast<const char*>(buf.data()), static_cast<std::streamsize>(n));
        if (rc == HPDF_STREAM_EOF) {
            break;
        }
        if (rc != HPDF_OK) {
            check();
            throw Error(ExitCode::io, "cannot render PDF: libharu error " + hex(rc));
        }
    }
}

} // namespace schoolctl::formats
