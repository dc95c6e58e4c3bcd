#include "domain/class_name.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::domain::ClassName;
using schoolctl::domain::parse_class_name;

namespace {

std::string reason_for(const std::string& text) {
    const auto parsed = parse_class_name(text);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

} // namespace

TEST_CASE("class name: the ways people write a class") {
    auto [text, grade, letter] = GENERATE(table<std::string, int, std::string>({
        {"5А", 5, "А"},
        {"5 А", 5, "А"},
        {"5-А", 5, "А"},
        {"5а", 5, "А"},
        {"5 \"А\"", 5, "А"},
        {"5«А»", 5, "А"},
        {"5 «б»", 5, "Б"},
        {"11Б", 11, "Б"},
        {"1В", 1, "В"},
        {"  10 – Я ", 10, "Я"},
        {"7\xC2\xA0Г", 7, "Г"},
        {"9ё", 9, "Ё"},
    }));
    CAPTURE(text);
    const auto parsed = parse_class_name(text);
    REQUIRE(std::holds_alternative<ClassName>(parsed));
    const ClassName& c = std::get<ClassName>(parsed);
    CHECK(c.grade == grade);
    CHECK(c.letter == letter);
    CHECK(c.str() == std::to_string(grade) + letter);
}

TEST_CASE("class name: a Latin look-alike is refused, naming the Cyrillic letter") {
    auto [latin, cyrillic] = GENERATE(table<std::string, std::string>({
        {"A", "А"},
        {"B", "В"},
        {"E", "Е"},
        {"K", "К"},
        {"M", "М"},
        {"H", "Н"},
        {"O", "О"},
        {"P", "Р"},
        {"C", "С"},
        {"T", "Т"},
        {"X", "Х"},
    }));
    const std::string lower(1, static_cast<char>(latin[0] - 'A' + 'a'));
    for (const std::string& written : {latin, lower}) {
        CAPTURE(written);
        CHECK(reason_for("5" + written) ==
              "letter \"" + written + "\" is Latin; write the Cyrillic «" + cyrillic + "»");
    }
}

TEST_CASE("class name: what is not a class") {
    auto [text, reason] = GENERATE(table<std::string, std::string>({
        {"", "the class is empty"},
        {"   ", "the class is empty"},
        {"А5", "\"А5\" does not start with a grade"},
        {"0А", "grade 0 is not between 1 and 11"},
        {"12А", "grade 12 is not between 1 and 11"},
        {"100А", "grade 100 is not between 1 and 11"},
        {"5", "no letter after the grade 5"},
        {"5 - ", "no letter after the grade 5"},
        {"5D", "letter \"D\" is Latin; class letters are Cyrillic"},
        {"5АБ", "expected one letter after the grade 5, found \"АБ\""},
        {"5 класс", "expected one letter after the grade 5"},
        {"10-1", "\"1\" after the grade is not a letter"},
        {"5Ї", "letter \"Ї\" is not a letter of the Russian alphabet"},
        {"5α", "letter \"α\" is not a letter of the Russian alphabet"},
    }));
    CAPTURE(text);
    CHECK_THAT(reason_for(text), Catch::StartsWith(reason) && !Catch::Equals(""));
}

TEST_CASE("class name: classes order by grade, then letter") {
    const auto c = [](const std::string& s) { return std::get<ClassName>(parse_class_name(s)); };
    CHECK(c("5А") < c("5Б"));
    CHECK(c("5Б") < c("10А"));
    CHECK(c("5 а") == c("5А"));
}
