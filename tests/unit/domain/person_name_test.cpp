#include "domain/person_name.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::domain::full_name;
using schoolctl::domain::match_key;
using schoolctl::domain::name_problem;
using schoolctl::domain::normalise_spaces;
using schoolctl::domain::PersonName;
using schoolctl::domain::short_name;

TEST_CASE("person name: full and short forms") {
    auto [name, full, brief] = GENERATE(table<PersonName, std::string, std::string>({
        {{"Иванов", "Иван", "Иванович"}, "Иванов Иван Иванович", "Иванов И. И."},
        {{"Ким", "Виктория", ""}, "Ким Виктория", "Ким В."},
        {{"Ёлкин", "Пётр", "Сергеевич"}, "Ёлкин Пётр Сергеевич", "Ёлкин П. С."},
        {{"Лебедева-Краснова", "Анна-Мария", "Павловна"},
         "Лебедева-Краснова Анна-Мария Павловна",
         "Лебедева-Краснова А.-М. П."},
        {{"смирнов", "александр", ""}, "смирнов александр", "смирнов А."},
        {{"Иванов", "", ""}, "Иванов", "Иванов"},
    }));
    CHECK(full_name(name) == full);
    CHECK(short_name(name) == brief);
}

TEST_CASE("person name: match keys find duplicates despite ё, case and spaces") {
    auto [a, b, same] = GENERATE(table<std::string, std::string, bool>({
        {"Семёнов", "СЕМЕНОВ", true},
        {"Семёнов", "Семе\xCC\x88нов", true}, // ё typed as е + combining diaeresis
        {"Ёлкин Пётр", "елкин  петр", true},
        {"  Иванов\tИван ", "иванов иван", true},
        {"Иванов\xC2\xA0Иван", "Иванов Иван", true}, // no-break space
        {"Семёнов", "Семенова", false},
        {"Иванов", "Иванoв", false}, // Latin o is another letter
        {"Ильин", "Илъин", false},
    }));
    CAPTURE(a, b);
    CHECK((match_key(a) == match_key(b)) == same);
}

TEST_CASE("person name: the match key itself") {
    CHECK(match_key("  СЕМЁНОВА   Алёна ") == "семенова алена");
}

TEST_CASE("person name: problems in a name part") {
    auto [part, problem] = GENERATE(table<std::string, std::string>({
        {"Иванов", ""},
        {"Лебедева-Краснова", ""},
        {"Д'Артаньян", ""},
        {"Д’Артаньян", ""},
        {"Мария Тереза", ""},
        {"Smith", ""},
        {"Müller", ""},
        {"Семе\xCC\x88нов", ""}, // composes to ё
        {"", ""},                // emptiness is the caller's rule
        {"Петр0в", "contains the digit \"0\""},
        {"Иван2", "contains the digit \"2\""},
        {"Иванов!", "contains \"!\""},
        {"Иван.", "contains \".\""},
        {"Ива\xE2\x80\x8Bнов", "contains U+200B"}, // zero-width space
        {"Ива\xCC\x81нов", "contains a combining mark U+0301"},
        {"Иванoв", "mixes Latin and Cyrillic letters (Latin \"o\" in \"Иванoв\")"},
        {"Мария Smith", ""}, // two words, each in one alphabet
        {"Pавел", "mixes Latin and Cyrillic letters"},
        {"Ивαнов", "mixes letters of different alphabets"}, // Greek alpha
        {"-Иванов", "begins or ends with a hyphen or an apostrophe"},
        {"Иванов-", "begins or ends with a hyphen or an apostrophe"},
        {"--", "has no letters"},
    }));
    CAPTURE(part);
    const auto reason = name_problem(part);
    if (problem.empty()) {
        CHECK_FALSE(reason.has_value());
    } else {
        REQUIRE(reason.has_value());
        CHECK_THAT(*reason, Catch::StartsWith(problem));
    }
}

TEST_CASE("person name: spaces are trimmed and collapsed") {
    auto [in, out] = GENERATE(table<std::string, std::string>({
        {"  Анна   Мария ", "Анна Мария"},
        {"\tИван\r\n", "Иван"},
        {"Анна\xC2\xA0\xC2\xA0Мария", "Анна Мария"},
        {"", ""},
        {"   ", ""},
        {"Иван", "Иван"},
        {"a\xFF b", "a\xFF b"}, // invalid bytes are left alone
    }));
    CHECK(normalise_spaces(in) == out);
}
