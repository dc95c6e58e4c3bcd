#pragma once
// A person's name as Russian records keep it: Фамилия, Имя, Отчество in three fields (the
// patronymic is optional), with the display forms and the key used to find duplicates.
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

struct PersonName {
    std::string last;
    std::string first;
    std::string middle; // empty when the person has no patronymic

    bool operator==(const PersonName&) const = default;
};

// «Иванов Иван Иванович»; empty parts are left out with their space.
std::string full_name(const PersonName& name);

// «Иванов И. И.»; a double first name gives «А.-М.».
std::string short_name(const PersonName& name);

// The key duplicates are compared by: NFC, case-folded, ё → е, whitespace trimmed and collapsed,
// so «Семёнов  » and «СЕМЕНОВ» give the same key.
std::string match_key(std::string_view text);

// Why one name part (a surname, a first name or a patronymic) cannot be right, or nullopt.
// Letters of any alphabet, hyphens, apostrophes and spaces are allowed; digits, other symbols,
// combining accents and a word mixing alphabets (Latin «o» inside «Иванoв») are not.
// An empty part is nullopt: whether it may be empty is the caller's rule.
std::optional<std::string> name_problem(std::string_view part);

// Trims and collapses every kind of Unicode white space (tabs, no-break spaces) to one space.
std::string normalise_spaces(std::string_view text);

} // namespace schoolctl::domain
