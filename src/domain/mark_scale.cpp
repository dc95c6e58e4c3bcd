#include "domain/mark_scale.h"

#include "domain/person_name.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace schoolctl::domain {
namespace {

// What two spellings are compared by: case-folded, ё → е, with every space removed, so «ЗАЧ»,
// « зач » and «зач» meet, and so do «зачёт» and «зачет».
std::string mark_key(std::string_view text) {
    std::string key = match_key(text);
    std::erase(key, ' ');
    return key;
}

// Other spellings of a symbol that teachers and files use.
struct Alias {
    std::string_view symbol;
    std::string_view spelling;
};
constexpr std::array<Alias, 4> aliases{{
    {"зач", "зачёт"},
    {"зач", "зачтено"},
    {"незач", "незачёт"},
    {"незач", "не зачтено"},
}};

constexpr std::array<std::string_view, 4> not_attested_spellings{"н/а", "на", "n/a", "н/a"};
constexpr std::array<std::string_view, 2> exempt_spellings{"осв", "осв."};

bool any_of_spellings(std::string_view key, const auto& spellings) {
    return std::any_of(spellings.begin(), spellings.end(),
                       [&](std::string_view s) { return mark_key(s) == key; });
}

// The symbols 1..n (or 0..n) as written on the numeric scales, highest first.
std::vector<ScaleSymbol> numbers(int highest, int lowest) {
    std::vector<ScaleSymbol> out;
    for (int n = highest; n >= lowest; --n) {
        out.push_back({std::to_string(n), n * 100});
    }
    return out;
}

bool is_integer_text(std::string_view s) {
    return !s.empty() && s.size() <= 9 &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Long runs of consecutive numbers read better elided: "100, 99, …, 0".
constexpr std::size_t longest_listed_run = 10;

std::string one_of_text(const MarkScale& scale, MarkRules rules) {
    std::string out = scale.symbols_text();
    if (rules.allow_double) {
        out += ", or two of them as " + scale.symbols.front().symbol + "/" +
               scale.symbols[std::min<std::size_t>(1, scale.symbols.size() - 1)].symbol;
    }
    if (rules.allow_special) {
        out += ", н/а, осв";
    }
    return out;
}

std::string refusal(std::string_view text, const MarkScale& scale, MarkRules rules) {
    std::string shown = "\"" + std::string{text} + "\"";
    return shown + " is not a mark on the " + scale.code + " scale (expected " +
           one_of_text(scale, rules) + ")";
}

} // namespace

const ScaleSymbol* MarkScale::find(std::string_view symbol) const {
    // Most marks arrive exactly as the scale writes them; a million of them skip the folding.
    for (const auto& s : symbols) {
        if (s.symbol == symbol) {
            return &s;
        }
    }
    std::string key = mark_key(symbol);
    for (const auto& s : symbols) {
        if (mark_key(s.symbol) == key) {
            return &s;
        }
    }
    for (const auto& alias : aliases) {
        if (mark_key(alias.spelling) == key) {
            auto it = std::find_if(symbols.begin(), symbols.end(),
                                   [&](const ScaleSymbol& s) { return s.symbol == alias.symbol; });
            if (it != symbols.end()) {
                return &*it;
            }
        }
    }
    return nullptr;
}

std::string MarkScale::symbols_text() const {
    std::string out;
    std::size_t i = 0;
    while (i < symbols.size()) {
        // A run of numbers each one below the one before.
        std::size_t end = i + 1;
        while (end < symbols.size() && is_integer_text(symbols[end].symbol) &&
               is_integer_text(symbols[end - 1].symbol) &&
               std::atoi(symbols[end].symbol.c_str()) + 1 ==
                   std::atoi(symbols[end - 1].symbol.c_str())) {
            ++end;
        }
        out += (out.empty() ? "" : ", ");
        if (end - i > longest_listed_run) {
            out += symbols[i].symbol + ", " + symbols[i + 1].symbol + ", …, " +
                   symbols[end - 1].symbol;
            i = end;
        } else {
            out += symbols[i].symbol;
            ++i;
        }
    }
    return out;
}

std::optional<MarkScale> builtin_scale(std::string_view code, bool allow_one) {
    if (code == "five_point") {
        return MarkScale{"five_point", "пятибалльная", numbers(5, allow_one ? 1 : 2), 300, true};
    }
    // The pass marks of the other numeric scales follow the common conversions to the
    // five-point scale: 4 of 10 and 50 of 100 are a «3».
    if (code == "ten_point") {
        return MarkScale{"ten_point", "десятибалльная", numbers(10, 1), 400, false};
    }
    if (code == "hundred_point") {
        return MarkScale{"hundred_point", "стобалльная", numbers(100, 0), 5000, false};
    }
    if (code == "pass_fail") {
        return MarkScale{"pass_fail", "зачёт/незачёт", {{"зач", 100}, {"незач", 0}}, 100, false};
    }
    if (code == "none") {
        return MarkScale{"none", "без отметок", {}, 0, false};
    }
    return std::nullopt;
}

const std::vector<std::string>& builtin_scale_codes() {
    static const std::vector<std::string> codes = {"five_point", "ten_point", "hundred_point",
                                                   "pass_fail", "none"};
    return codes;
}

std::variant<Mark, std::string> parse_mark(std::string_view text, const MarkScale& scale,
                                           MarkRules rules) {
    if (!scale.takes_marks()) {
        return "the " + scale.code + " scale takes no marks";
    }
    std::string key = mark_key(text);
    if (key.empty()) {
        return "a mark is empty (expected " + one_of_text(scale, rules) + ")";
    }
    if (const ScaleSymbol* s = scale.find(text)) {
        return Mark{Mark::Kind::value, s->symbol, s->points, std::nullopt};
    }
    if (any_of_spellings(key, not_attested_spellings) || any_of_spellings(key, exempt_spellings)) {
        bool exempt = any_of_spellings(key, exempt_spellings);
        if (!rules.allow_special) {
            return "\"" + std::string{text} + "\" is a period mark, not a lesson mark (expected " +
                   one_of_text(scale, rules) + ")";
        }
        return exempt ? Mark{Mark::Kind::exempt, "осв", 0, std::nullopt}
                      : Mark{Mark::Kind::not_attested, "н/а", 0, std::nullopt};
    }
    // «4/3»: a slash between two symbols of the scale.
    if (auto slash = text.find('/'); slash != std::string_view::npos) {
        const ScaleSymbol* first = scale.find(text.substr(0, slash));
        const ScaleSymbol* second = scale.find(text.substr(slash + 1));
        if (first != nullptr && second != nullptr) {
            if (!rules.allow_double) {
                return "\"" + std::string{text} +
                       "\" is two marks in one cell, which this subject does not take "
                       "(expected " +
                       one_of_text(scale, rules) + ")";
            }
            return Mark{Mark::Kind::double_value, first->symbol + "/" + second->symbol,
                        first->points, second->points};
        }
    }
    return refusal(text, scale, rules);
}

std::string format_points(int hundredths) {
    std::string sign = hundredths < 0 ? "-" : "";
    int v = std::abs(hundredths);
    int fraction = v % 100;
    return sign + std::to_string(v / 100) + "." + (fraction < 10 ? "0" : "") +
           std::to_string(fraction);
}

} // namespace schoolctl::domain
