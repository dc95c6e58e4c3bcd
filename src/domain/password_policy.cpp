#include "domain/password_policy.h"

#include <algorithm>
#include <cstdint>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "domain/common_passwords.h"
#include "util/error.h"

namespace schoolctl::domain {
namespace {

constexpr int floor_min_length = 8;
constexpr int floor_max_length = 64;
// Name parts shorter than this (Ян, Ли) would refuse too many good passwords.
constexpr std::size_t min_name_letters = 3;
// A password that is a unit of up to this many characters repeated is refused.
constexpr std::size_t max_repeated_unit = 4;

const char* const invalid_utf8 = "a password must be valid UTF-8 text; check the terminal's "
                                 "encoding";

// The code points of `s`, or nothing if it is not well-formed UTF-8 (overlong forms and
// encoded surrogates are not).
std::optional<std::u32string> decode_utf8(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        auto lead = static_cast<unsigned char>(s[i]);
        std::size_t extra = 0;
        std::uint32_t smallest = 0;
        if (lead >= 0x80) {
            if ((lead & 0xE0) == 0xC0) {
                extra = 1;
                smallest = 0x80;
            } else if ((lead & 0xF0) == 0xE0) {
                extra = 2;
                smallest = 0x800;
            } else if ((lead & 0xF8) == 0xF0) {
                extra = 3;
                smallest = 0x10000;
            } else {
                return std::nullopt;
            }
        }
        // The lead byte's payload; the bit that ends its length prefix is already 0.
        std::uint32_t cp = lead & (0x7Fu >> extra);
        if (s.size() - i <= extra) {
            return std::nullopt;
        }
        for (std::size_t k = 1; k <= extra; ++k) {
            auto next = static_cast<unsigned char>(s[i + k]);
            if ((next & 0xC0) != 0x80) {
                return std::nullopt;
            }
            cp = (cp << 6) | (next & 0x3Fu);
        }
        if (cp < smallest || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return std::nullopt;
        }
        out.push_back(static_cast<char32_t>(cp));
        i += extra + 1;
    }
    return out;
}

int char_type(char32_t c) { return u_charType(static_cast<UChar32>(c)); }

icu::UnicodeString to_unicode(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

const icu::Normalizer2& normalizer(bool casefold) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* n = casefold ? icu::Normalizer2::getNFKCCasefoldInstance(status)
                                         : icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status) || n == nullptr) {
        throw Error(ExitCode::failure,
                    std::string("cannot load Unicode normalisation data from ICU: ") +
                        u_errorName(status));
    }
    return *n;
}

// The form in which passwords, logins, names and list entries are compared: NFKC case folding
// (so ＡＢＣ, ABC and abc are one), and ё as е, as Russian writers often drop the dots.
std::string fold(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = normalizer(true).normalize(to_unicode(s), status);
    u.findAndReplace(icu::UnicodeString(static_cast<UChar32>(0x0451)),
                     icu::UnicodeString(static_cast<UChar32>(0x0435)));
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool listed(const std::string& folded) {
    static const std::vector<std::string> sorted = [] {
        std::vector<std::string> all;
        for (std::string_view entry : common_password_entries()) {
            all.push_back(fold(entry));
        }
        std::sort(all.begin(), all.end());
        return all;
    }();
    return std::binary_search(sorted.begin(), sorted.end(), folded);
}

// The length of the unit that the whole of `s` repeats (abcabcabc: 3), or 0 if none short.
std::size_t repeated_unit(const std::u32string& s) {
    for (std::size_t unit = 1; unit <= max_repeated_unit && 2 * unit <= s.size(); ++unit) {
        bool repeats = s.size() % unit == 0;
        for (std::size_t i = unit; repeats && i < s.size(); ++i) {
            repeats = s[i] == s[i - unit];
        }
        if (repeats) {
            return unit;
        }
    }
    return 0;
}

// The words of a name part (Лебедева-Краснова: Лебедева, Краснова), combining marks kept.
std::vector<std::string> name_words(const std::string& part) {
    std::vector<std::string> words;
    auto nfc = normalize_password(part);
    auto cps = nfc ? decode_utf8(*nfc) : std::nullopt;
    if (!cps) {
        return words;
    }
    icu::UnicodeString word;
    std::size_t letters = 0;
    auto flush = [&] {
        if (letters >= min_name_letters) {
            words.emplace_back();
            word.toUTF8String(words.back());
        }
        word.remove();
        letters = 0;
    };
    for (char32_t c : *cps) {
        int type = char_type(c);
        bool mark = type == U_NON_SPACING_MARK || type == U_COMBINING_SPACING_MARK ||
                    type == U_ENCLOSING_MARK;
        if (u_isalpha(static_cast<UChar32>(c)) || mark) {
            word.append(static_cast<UChar32>(c));
            letters += mark ? 0 : 1;
        } else {
            flush();
        }
    }
    flush();
    return words;
}

}  // namespace

std::optional<std::string> normalize_password(std::string_view password) {
    if (!decode_utf8(password)) {
        return std::nullopt;
    }
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = normalizer(false).normalize(to_unicode(password), status);
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool is_common_password(std::string_view normalized) { return listed(fold(normalized)); }

std::optional<std::string> password_problem(std::string_view normalized,
                                            const PasswordContext& context,
                                            const PasswordRules& rules) {
    auto chars = decode_utf8(normalized);
    if (!chars) {
        return invalid_utf8;
    }
    int min_length = std::max(rules.min_length, floor_min_length);
    int max_length = std::max({rules.max_length, min_length, floor_max_length});
    if (std::any_of(chars->begin(), chars->end(),
                    [](char32_t c) { return char_type(c) == U_CONTROL_CHAR; })) {
        return "a password must not contain control characters such as tab or newline; use "
               "letters, digits, spaces and punctuation";
    }
    if (chars->size() < static_cast<std::size_t>(min_length)) {
        return "a password needs at least " + std::to_string(min_length) + " characters";
    }
    if (chars->size() > static_cast<std::size_t>(max_length)) {
        return "a password may have at most " + std::to_string(max_length) +
               " characters; choose a shorter one";
    }
    std::string folded = fold(normalized);
    if (std::size_t unit = repeated_unit(decode_utf8(folded).value_or(U""))) {
        return unit == 1 ? "a password must not be one character repeated; choose something "
                           "less predictable"
                         : "a password must not be a few characters repeated; choose something "
                           "less predictable";
    }
    std::string login = fold(context.login);
    if (decode_utf8(login).value_or(U"").size() >= min_name_letters &&
        folded.find(login) != std::string::npos) {
        return "a password must not contain the login; choose something unrelated to the account";
    }
    for (const std::string& part : context.name_parts) {
        for (const std::string& word : name_words(part)) {
            if (folded.find(fold(word)) != std::string::npos) {
                return "a password must not contain the name \"" + word +
                       "\"; choose something unrelated to the person";
            }
        }
    }
    if (listed(folded)) {
        return "this password is on the list of commonly used passwords; choose a less "
               "predictable one, such as a few unrelated words";
    }
    return std::nullopt;
}

std::optional<std::string> password_problem(std::string_view password, std::string_view login,
                                            int min_length) {
    auto normalized = normalize_password(password);
    if (!normalized) {
        return invalid_utf8;
    }
    PasswordRules rules;
    rules.min_length = min_length;
    return password_problem(*normalized, PasswordContext{login, {}}, rules);
}

}  // namespace schoolctl::domain
