#include "domain/person_name.h"

#include <cstdint>
#include <cstdio>
#include <map>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>
#include <vector>

namespace schoolctl::domain {
namespace {

icu::UnicodeString to_unicode(std::string_view s) {
    return icu::UnicodeString::fromUTF8(
        icu::StringPiece(s.data(), static_cast<std::int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string to_utf8(UChar32 c) {
    return to_utf8(icu::UnicodeString(c));
}

icu::UnicodeString nfc(const icu::UnicodeString& s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString out = U_SUCCESS(status) ? n->normalize(s, status) : s;
    return U_SUCCESS(status) ? out : s;
}

// «Анна-Мария» → «А.-М.»
std::string initials(std::string_view part) {
    std::string out;
    bool at_start = true;
    const icu::UnicodeString u = to_unicode(part);
    for (std::int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (c == '-') {
            out += "-";
            at_start = true;
        } else if (at_start && !u_isUWhiteSpace(c)) {
            out += to_utf8(u_toupper(c)) + ".";
            at_start = false;
        }
    }
    return out;
}

bool is_apostrophe(UChar32 c) {
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

// A character as a person can read it in a message: quoted, or U+XXXX when invisible or a
// mark that would sit on the quote.
std::string describe(UChar32 c) {
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_CONTROL_CHAR || type == U_FORMAT_CHAR || type == U_UNASSIGNED ||
        type == U_PRIVATE_USE_CHAR || type == U_SURROGATE || type == U_LINE_SEPARATOR ||
        type == U_PARAGRAPH_SEPARATOR || type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
        return buf;
    }
    return "\"" + to_utf8(c) + "\"";
}

std::optional<std::string> character_problem(UChar32 c) {
    if (u_isalpha(c) || u_isUWhiteSpace(c) || c == '-' || is_apostrophe(c)) {
        return std::nullopt;
    }
    if (u_isdigit(c)) {
        return "contains the digit " + describe(c);
    }
    const auto type = static_cast<UCharCategory>(u_charType(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
        type == U_COMBINING_SPACING_MARK) {
        // A stress mark (U+0301) would also keep the name from matching its duplicates.
        return "contains a combining mark " + describe(c) + " (an accent?)";
    }
    return "contains " + describe(c) +
           " (a name may have only letters, hyphens, apostrophes and spaces)";
}

// Letters of one word from two alphabets are almost always a look-alike typed by mistake
// (Latin «o» in «Иванoв»): the name would never match the real one.
std::optional<std::string> script_problem(const icu::UnicodeString& word) {
    std::map<UScriptCode, int> letters;
    for (std::int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(word.char32At(i), &status);
        if (U_SUCCESS(status) && script != USCRIPT_COMMON && script != USCRIPT_INHERITED) {
            ++letters[script];
        }
    }
    if (letters.size() < 2) {
        return std::nullopt;
    }
    UScriptCode main = letters.begin()->first;
    for (const auto& [script, count] : letters) {
        if (count > letters[main]) {
            main = script;
        }
    }
    std::string reason;
    if (letters.size() == 2 && letters.contains(USCRIPT_LATIN) &&
        letters.contains(USCRIPT_CYRILLIC)) {
        reason = "mixes Latin and Cyrillic letters";
    } else {
        reason = "mixes letters of different alphabets";
    }
    for (std::int32_t i = 0; i < word.length(); i = word.moveIndex32(i, 1)) {
        const UChar32 c = word.char32At(i);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode script = uscript_getScript(c, &status);
        if (U_SUCCESS(status) && letters.contains(script) && script != main) {
            return reason + " (" + uscript_getName(script) + " " + describe(c) + " in \"" +
                   to_utf8(word) + "\")";
        }
    }
    return reason;
}

bool is_ascii_space(unsigned char b) {
    return b == ' ' || (b >= 0x09 && b <= 0x0D);  // what White_Space holds below U+0080
}

// u_isUWhiteSpace without the property lookup for ASCII; false for a malformed sequence (< 0).
bool is_white_space(UChar32 c) {
    if (c < 0) {
        return false;
    }
    return c < 0x80 ? is_ascii_space(static_cast<unsigned char>(c)) : u_isUWhiteSpace(c);
}

// The code point of a two-byte UTF-8 sequence in U+0400..U+047F (the lead bytes D0 and D1), or 0.
char32_t cyrillic_at(std::string_view text, std::size_t i) {
    const auto lead = static_cast<unsigned char>(text[i]);
    if ((lead != 0xD0 && lead != 0xD1) || i + 1 >= text.size()) {
        return 0;
    }
    const auto next = static_cast<unsigned char>(text[i + 1]);
    if ((next & 0xC0) != 0x80) {
        return 0;
    }
    return static_cast<char32_t>(((lead & 0x1F) << 6) | (next & 0x3F));
}

// А..Я, а..я, Ё and ё: the letters of Russian names.
bool is_basic_cyrillic_letter(char32_t c) {
    return (c >= 0x0410 && c <= 0x044F) || c == 0x0401 || c == 0x0451;
}

bool is_ascii_letter(unsigned char b) {
    return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z');
}

void append_two_byte_utf8(std::string& out, char32_t c) {
    out.push_back(static_cast<char>(0xC0 | (c >> 6)));
    out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
}

// match_key of text made of ASCII and Russian letters, which is nearly every name, without
// ICU: NFC leaves such text as it is and case folding is a fixed offset. nullopt when the text
// has any other character, for ICU to handle.
std::optional<std::string> simple_match_key(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80 && is_ascii_space(b)) {
            pending_space = !out.empty();
            ++i;
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        if (b < 0x80) {
            out.push_back(static_cast<char>(b >= 'A' && b <= 'Z' ? b + ('a' - 'A') : b));
            ++i;
            continue;
        }
        char32_t c = cyrillic_at(text, i);
        if (!is_basic_cyrillic_letter(c)) {
            return std::nullopt;
        }
        if (c == 0x0401 || c == 0x0451) {
            c = 0x0435;  // ё → е
        } else if (c <= 0x042F) {
            c += 0x20;  // А..Я → а..я
        }
        append_two_byte_utf8(out, c);
        i += 2;
    }
    return out;
}

// A name part of Russian letters only, or of ASCII letters only, with hyphens inside: such a
// part has none of the problems name_problem looks for, and nearly every part is one. False
// means "not known to be fine" and leaves the decision to the full check.
bool plainly_fine_name(std::string_view part) {
    if (part.empty() || part.front() == '-' || part.back() == '-') {
        return false;
    }
    bool cyrillic = false, latin = false;
    for (std::size_t i = 0; i < part.size();) {
        const auto b = static_cast<unsigned char>(part[i]);
        if (b == '-' || is_ascii_letter(b)) {
            latin = latin || b != '-';
            ++i;
            continue;
        }
        if (!is_basic_cyrillic_letter(cyrillic_at(part, i))) {
            return false;
        }
        cyrillic = true;
        i += 2;
    }
    return cyrillic != latin;  // letters of exactly one alphabet
}

} // namespace

std::string full_name(const PersonName& name) {
    std::string out;
    for (const std::string* part : {&name.last, &name.first, &name.middle}) {
        if (!part->empty()) {
            out += (out.empty() ? "" : " ") + *part;
        }
    }
    return out;
}

std::string short_name(const PersonName& name) {
    std::string out = name.last;
    for (const std::string* part : {&name.first, &name.middle}) {
        const std::string i = initials(*part);
        if (!i.empty()) {
            out += (out.empty() ? "" : " ") + i;
        }
    }
    return out;
}

std::string match_key(std::string_view text) {
    if (auto simple = simple_match_key(text)) {
        return *std::move(simple);
    }
    icu::UnicodeString u = nfc(to_unicode(text));
    u.foldCase();
    u = nfc(u); // folding can undo composition in rare cases
    icu::UnicodeString out;
    bool pending_space = false;
    for (std::int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        UChar32 c = u.char32At(i);
        if (u_isUWhiteSpace(c)) {
            pending_space = !out.isEmpty();
            continue;
        }
        if (pending_space) {
            out.append(static_cast<UChar>(' '));
            pending_space = false;
        }
        out.append(c == 0x0451 ? UChar32{0x0435} : c); // ё → е
    }
    return to_utf8(out);
}

std::optional<std::string> name_problem(std::string_view part) {
    if (plainly_fine_name(part)) {
        return std::nullopt;
    }
    const icu::UnicodeString u = nfc(to_unicode(normalise_spaces(part)));
    if (u.isEmpty()) {
        return std::nullopt;
    }
    bool has_letter = false;
    for (std::int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
        const UChar32 c = u.char32At(i);
        if (auto problem = character_problem(c)) {
            return problem;
        }
        has_letter = has_letter || u_isalpha(c);
    }
    if (!has_letter) {
        return "has no letters";
    }
    const UChar32 first = u.char32At(0), last = u.char32At(u.length() - 1);
    if (first == '-' || is_apostrophe(first) || last == '-' || is_apostrophe(last)) {
        return "begins or ends with a hyphen or an apostrophe";
    }
    std::int32_t word_start = 0;
    for (std::int32_t i = 0; i <= u.length(); ++i) {
        if (i == u.length() || u.charAt(i) == ' ') {
            if (auto problem = script_problem(u.tempSubStringBetween(word_start, i))) {
                return problem;
            }
            word_start = i + 1;
        }
    }
    return std::nullopt;
}

std::string normalise_spaces(std::string_view text) {
    const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
    const auto n = static_cast<std::int32_t>(text.size());
    std::string out;
    out.reserve(text.size());
    bool pending_space = false;
    for (std::int32_t i = 0; i < n;) {
        const std::int32_t start = i;
        UChar32 c = s[i];
        if (c < 0x80) {
            ++i;  // ASCII, most of the text: no decoding needed
        } else {
            U8_NEXT(s, i, n, c);
        }
        if (is_white_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out.push_back(' ');
            pending_space = false;
        }
        out.append(
            text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
    }
    return out;
}

} // namespace schoolctl::domain
