#include "formats/text_decoder.h"
#include "util/error.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::formats::TextDecoder;
using schoolctl::formats::TextEncoding;
using schoolctl::formats::valid_utf8_prefix;

namespace {

// Decodes `bytes` handed over in pieces of `piece` bytes; the error text when decoding fails.
std::string decode_in_pieces(TextDecoder& d, const std::string& bytes, std::size_t piece) {
    std::string out;
    for (std::size_t i = 0; i < bytes.size(); i += piece) {
        if (!d.decode(std::string_view(bytes).substr(i, piece), out)) {
            return "error: " + d.error();
        }
    }
    if (!d.finish(out)) {
        return "error: " + d.error();
    }
    return out;
}

} // namespace

TEST_CASE("utf-8: the valid prefix stops at ill-formed sequences") {
    auto [bytes, valid, truncated] = GENERATE(table<std::string, std::size_t, bool>({
        {"abc", 3, false},
        {"Ёж", 4, false},
        {"a\xC0\x80", 1, false},         // overlong NUL
        {"a\xE0\x80\x80", 1, false},     // overlong
        {"a\xED\xA0\x80", 1, false},     // a surrogate
        {"a\xF4\x90\x80\x80", 1, false}, // past U+10FFFF
        {"\xF0\x9F\x98\x80", 4, false},  // an emoji is fine
        {"abcdefgh\xFF", 8, false},
        {"a\xD0", 1, true}, // cut off: may go on in the next chunk
        {"a\xE2\x82", 1, true},
        {"a\xE2\x28", 1, false}, // not a continuation byte
    }));
    CAPTURE(bytes);
    bool cut = false;
    CHECK(valid_utf8_prefix(bytes, cut) == valid);
    CHECK(cut == truncated);
}

TEST_CASE("decoder: text split anywhere decodes the same") {
    const std::string utf8 = "\xEF\xBB\xBF"
                             "Фамилия;Имя\r\nЁлкин;Пётр\r\n";
    const std::string cp1251 = "\xD4\xE0\xEC\xE8\xEB\xE8\xFF;\xC8\xEC\xFF\r\n"
                               "\xA8\xEB\xEA\xE8\xED;\xCF\xB8\xF2\xF0\r\n";
    const std::string expected = "Фамилия;Имя\r\nЁлкин;Пётр\r\n";
    auto piece =
        GENERATE(std::size_t{1}, std::size_t{2}, std::size_t{3}, std::size_t{7}, std::size_t{1000});
    CAPTURE(piece);
    SECTION("UTF-8 with a BOM") {
        TextDecoder d(TextEncoding::auto_detect);
        CHECK(decode_in_pieces(d, utf8, piece) == expected);
        CHECK(d.encoding() == TextEncoding::utf8);
        CHECK(d.had_bom());
    }
    SECTION("Windows-1251") {
        TextDecoder d(TextEncoding::auto_detect);
        CHECK(decode_in_pieces(d, cp1251, piece) == expected);
        CHECK(d.encoding() == TextEncoding::cp1251);
        CHECK_FALSE(d.had_bom());
    }
}

TEST_CASE("decoder: all ASCII leaves the encoding open") {
    TextDecoder d(TextEncoding::auto_detect);
    CHECK(decode_in_pieces(d, "a;b\r\n1;2\r\n", 4) == "a;b\r\n1;2\r\n");
    CHECK(d.encoding() == TextEncoding::auto_detect);
}

TEST_CASE("decoder: what cannot be decoded is an error after the text before it") {
    auto [encoding, bytes, message] = GENERATE(table<TextEncoding, std::string, std::string>({
        {TextEncoding::utf8, "ok\xCF\xB8\xF2\xF0", "byte 0xF2 is not valid UTF-8"},
        {TextEncoding::utf8, "ok\xD0", "the file ends in the middle of a UTF-8 character"},
        {TextEncoding::cp1251, "ok\x98", "byte 0x98 is not a Windows-1251 character"},
        // Not UTF-8 (the lone 0xC8), so Windows-1251, where 0x98 (from «И») is undefined.
        {TextEncoding::auto_detect, "ok\xC8;\xD0\x98",
         "byte 0x98 is not a Windows-1251 "
         "character (and the file is not valid "
         "UTF-8 either)"},
    }));
    TextDecoder d(encoding);
    std::string out;
    const bool ok = d.decode(bytes, out) && d.finish(out);
    CHECK_FALSE(ok);
    CHECK_THAT(d.error(), Catch::StartsWith(message));
    CHECK_THAT(out, Catch::StartsWith("ok"));
}

TEST_CASE("decoder: encoding names") {
    using schoolctl::formats::parse_text_encoding;
    CHECK(parse_text_encoding("AUTO") == TextEncoding::auto_detect);
    CHECK(parse_text_encoding("utf8") == TextEncoding::utf8);
    CHECK(parse_text_encoding("windows-1251") == TextEncoding::cp1251);
    CHECK_THROWS_AS(parse_text_encoding("latin1"), schoolctl::Error);
}
