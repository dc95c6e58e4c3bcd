#include "formats/pdf_text.h"

#include <catch2/catch.hpp>

using schoolctl::formats::Face;
using schoolctl::formats::pdf_safe_text;
using schoolctl::formats::PdfCanvas;
using schoolctl::formats::widest_piece;
using schoolctl::formats::wrap_lines;
using Lines = std::vector<std::string>;

namespace {

const PdfCanvas& canvas() {
    static const PdfCanvas c("/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
                             "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf");
    return c;
}

float width(const std::string& s) {
    return canvas().text_width(s, Face::regular, 10);
}

} // namespace

TEST_CASE("wrap keeps a line that fits", "[formats][pdf]") {
    CHECK(wrap_lines(canvas(), "Ёлкин  Пётр", Face::regular, 10, 1000) == Lines{"Ёлкин Пётр"});
    CHECK(wrap_lines(canvas(), "", Face::regular, 10, 1000).empty());
    CHECK(wrap_lines(canvas(), "a\n\nb", Face::regular, 10, 1000) == Lines{"a", "", "b"});
}

TEST_CASE("wrap breaks at spaces, then after hyphens", "[formats][pdf]") {
    const float w = width("Петрова-") + 1;
    CHECK(wrap_lines(canvas(), "Анна Петрова-Водкина", Face::regular, 10, w) ==
          Lines{"Анна", "Петрова-", "Водкина"});
    CHECK(wrap_lines(canvas(), "Анна Петрова-Водкина", Face::regular, 10, width("Анна Петрова-")) ==
          Lines{"Анна Петрова-", "Водкина"});
    // A leading minus is a sign, not a hyphen.
    CHECK(widest_piece(canvas(), "-100 x", Face::regular, 10) == width("-100"));
}

TEST_CASE("wrap splits an over-long word between characters", "[formats][pdf]") {
    const float w = width("Ёжикова");
    const auto lines = wrap_lines(canvas(), "ЁжиковаЁжиковаЁж", Face::regular, 10, w);
    CHECK(lines == Lines{"Ёжикова", "Ёжикова", "Ёж"});
    // Even a line narrower than one letter holds that letter: no endless loop, no lost text.
    CHECK(wrap_lines(canvas(), "ЁЖ", Face::regular, 10, 1) == Lines{"Ё", "Ж"});
}

TEST_CASE("widest piece", "[formats][pdf]") {
    CHECK(widest_piece(canvas(), "a Шишкин-Лесной\nb", Face::regular, 10) == width("Шишкин-"));
    CHECK(widest_piece(canvas(), "", Face::regular, 10) == 0);
}

TEST_CASE("pdf_safe_text keeps what libharu can draw", "[formats][pdf]") {
    CHECK(pdf_safe_text("Ёлкин Пётр — №5 «А»") == "Ёлкин Пётр — №5 «А»");
    CHECK(pdf_safe_text("a\tb\rc\nd") == "a b c\nd");
    CHECK(pdf_safe_text("\xF0\x9F\x98\x80!") == "?!"); // beyond the BMP
    CHECK(pdf_safe_text("\xFF\xC3") == "??");          // not UTF-8
    CHECK(pdf_safe_text("\xC0\xAF") == "??");          // overlong '/'
    CHECK(pdf_safe_text("\xED\xA0\x80") == "???");     // a lone surrogate
}
