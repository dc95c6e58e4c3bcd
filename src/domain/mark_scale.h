#pragma once
// Grading scales and the marks written on them. A scale turns what a teacher writes («5», «4/3»,
// «зач», «B+») into numbers the period mark is computed from, and back. Every number is an
// integer in hundredths of a point (4.60 is 460), so no comparison ever meets a binary float.
//
// Built-in scales (DOMAIN.md): five_point (2–5, and 1 where the school allows it), ten_point
// (1–10), hundred_point (0–100), pass_fail (зач/незач), none (no marks at all). A school defines
// its own in config ([[scales]]: symbols with values and the lowest passing value).
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace schoolctl::domain {

// One symbol of a scale and what it counts as.
struct ScaleSymbol {
    std::string symbol;  // what is written: "5", "зач", "A"
    int points = 0;      // its value in hundredths: "5" → 500, "зач" → 100, "A" → 400

    bool operator==(const ScaleSymbol&) const = default;
};

struct MarkScale {
    std::string code;  // "five_point", or a custom scale's code
    std::string name;  // «пятибалльная»
    // Highest first. Empty for `none`: the subject takes no marks.
    std::vector<ScaleSymbol> symbols;
    int pass_points = 0;  // the lowest value that passes (300 on the five-point scale)
    // Whether the period mark is rounded with the school's thresholds (the five-point scale) or
    // to the nearest symbol, halves up (every other scale).
    bool uses_thresholds = false;

    bool takes_marks() const { return !symbols.empty(); }
    const ScaleSymbol* find(std::string_view symbol) const;
    // "5, 4, 3, 2" — for the hint after a refused value; a long run of numbers is elided:
    // "100, 99, …, 0".
    std::string symbols_text() const;

    bool operator==(const MarkScale&) const = default;
};

// The built-in scale with this code; the five-point scale includes «1» when allow_one is set.
std::optional<MarkScale> builtin_scale(std::string_view code, bool allow_one = false);
// Codes of the built-in scales, in DOMAIN.md's order.
const std::vector<std::string>& builtin_scale_codes();

// A mark as stored: the text given and what it counts as.
struct Mark {
    enum class Kind {
        value,         // a symbol of the scale: «5», «зач»
        double_value,  // «4/3»: two values in one cell (Russian and Literature), counted as two
        not_attested,  // «н/а» (a period mark only)
        exempt,        // «осв» (a period mark only)
    };
    Kind kind = Kind::value;
    std::string text;  // canonical: "5", "4/3", "н/а", "осв", "зач"
    int points = 0;    // value and double_value (its first half)
    std::optional<int> second_points;  // double_value: the second half

    bool counts() const { return kind == Kind::value || kind == Kind::double_value; }
    bool operator==(const Mark&) const = default;
};

struct MarkRules {
    bool allow_double = false;   // «4/3» allowed for this subject
    bool allow_special = false;  // «н/а» and «осв» allowed (period and year marks)
};

// Reads a mark written on `scale`: one of the scale's symbols (зач also written «зачёт»,
// «зачтено»; незач «незачёт», «не зачтено»), «4/3» when doubles are allowed, «н/а» (also «на»,
// «n/a») and «осв» (also «осв.») when specials are. Spaces are ignored and letters compared
// case-insensitively, ё as е. Gives the mark or the reason, which lists the valid values.
std::variant<Mark, std::string> parse_mark(std::string_view text, const MarkScale& scale,
                                           MarkRules rules = {});

// "4.60" from 460; "4.5" never: always two decimals.
std::string format_points(int hundredths);

}  // namespace schoolctl::domain
