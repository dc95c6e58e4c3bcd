#pragma once
// A class is a grade 1–11 and a Cyrillic letter: «5А», «11Б». People type it in many ways
// («5 а», «5-А», «5 "А"», «5«А»»); all mean the same class. A Latin look-alike («5A») is refused,
// never read as a different class.
#include <compare>
#include <string>
#include <string_view>
#include <variant>

namespace schoolctl::domain {

struct ClassName {
    int grade = 0;
    std::string letter; // one upper-case Cyrillic letter, UTF-8

    std::string str() const { return std::to_string(grade) + letter; } // "5А"

    // Grade first; letters in code point order, which is the alphabet except for Ё.
    auto operator<=>(const ClassName&) const = default;
};

// The class, or the reason the text is not one (e.g. `letter "A" is Latin; write the Cyrillic
// «А»`, `grade 12 is not between 1 and 11`).
std::variant<ClassName, std::string> parse_class_name(std::string_view text);

} // namespace schoolctl::domain
