#include "domain/class_name.h"

#include "domain/person_name.h"

#include <array>
#include <cstdint>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <utility>
#include <vector>

namespace schoolctl::domain {
namespace {

std::string to_utf8(UChar32 c) {
    std::string out;
    icu::UnicodeString(c).toUTF8String(out);
    return out;
}

// Spaces, hyphens, dashes and every kind of quote people put around the letter.
bool is_separator(UChar32 c) {
    switch (c) {
    case ' ':
    case '-':
    case '"':
    case '\'':
    case 0x2013: // – (Excel's autocorrect of a hyphen)
    case 0x2014: // —
    case 0x00AB: // «
    case 0x00BB: // »
    case 0x201C: // “
    case 0x201D: // ”
    case 0x201E: // „
    case 0x2018: // ‘
    case 0x2019: // ’
        return true;
    default:
        return false;
    }
}

// Latin letters that look like Cyrillic ones, upper case, with the Cyrillic letter meant.
constexpr std::array<std::pair<UChar32, UChar32>, 11> look_alikes{{
    {'A', 0x0410},
    {'B', 0x0412},
    {'E', 0x0415},
    {'K', 0x041A},
    {'M', 0x041C},
    {'H', 0x041D},
    {'O', 0x041E},
    {'P', 0x0420},
    {'C', 0x0421},
    {'T', 0x0422},
    {'X', 0x0425},
}};

bool is_russian_capital(UChar32 c) {
    return (c >= 0x0410 && c <= 0x042F) || c == 0x0401;
}

std::variant<ClassName, std::string> check_letter(int grade, UChar32 c) {
    const std::string shown = "\"" + to_utf8(c) + "\"";
    const UChar32 upper = u_toupper(c);
    UErrorCode status = U_ZERO_ERROR;
    const UScriptCode script = uscript_getScript(c, &status);
    if (script == USCRIPT_LATIN) {
        for (const auto& [latin, cyrillic] : look_alikes) {
            if (upper == latin) {
                return "letter " + shown + " is Latin; write the Cyrillic «" + to_utf8(cyrillic) +
                       "»";
            }
        }
        return "letter " + shown + " is Latin; class letters are Cyrillic";
    }
    if (!u_isalpha(c)) {
        return shown + " after the grade is not a letter (expected e.g. «5А»)";
    }
    if (script != USCRIPT_CYRILLIC || !is_russian_capital(upper)) {
        return "letter " + shown + " is not a letter of the Russian alphabet";
    }
    return ClassName{grade, to_utf8(upper)};
}

} // namespace

std::variant<ClassName, std::string> parse_class_name(std::string_view text) {
    const std::string s = normalise_spaces(text);
    if (s.empty()) {
        return std::string("the class is empty");
    }
    std::size_t digits = 0;
    while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') {
        ++digits;
    }
    if (digits == 0) {
        return "\"" + s + "\" does not start with a grade (expected e.g. «5А»)";
    }
    const std::string number = s.substr(0, digits);
    const int grade = digits <= 2 ? std::stoi(number) : 0; // no overflow on "99999999999А"
    if (grade < 1 || grade > 11) {
        return "grade " + number + " is not between 1 and 11";
    }

    const icu::UnicodeString rest = icu::UnicodeString::fromUTF8(s.substr(digits));
    std::vector<UChar32> letters;
    for (std::int32_t i = 0; i < rest.length(); i = rest.moveIndex32(i, 1)) {
        const UChar32 c = rest.char32At(i);
        if (!is_separator(c)) {
            letters.push_back(c);
        }
    }
    if (letters.empty()) {
        return "no letter after the grade " + number + " (expected e.g. «" + number + "А»)";
    }
    if (letters.size() > 1) {
        std::string found;
        for (UChar32 c : letters) {
            found += to_utf8(c);
        }
        return "expected one letter after the grade " + number + ", found \"" + found + "\"";
    }
    return check_letter(grade, letters.front());
}

} // namespace schoolctl::domain
