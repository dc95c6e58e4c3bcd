#include "domain/weekday.h"

#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

using schoolctl::domain::parse_weekday;
using schoolctl::domain::weekday_name;

TEST_CASE("weekdays as timetables write them", "[weekday]") {
    const std::vector<std::pair<std::string, std::optional<int>>> cases = {
        {"1", 1},           {"7", 7},       {" 5 ", 5},         {"Понедельник", 1},
        {"пн", 1},          {"Пн.", 1},     {"ПЯТНИЦА", 5},     {"Сб", 6},
        {"воскресенье", 7}, {"Monday", 1},  {"fri", 5},         {"0", std::nullopt},
        {"8", std::nullopt}, {"", std::nullopt}, {"понедельникк", std::nullopt},
        {"12", std::nullopt},
    };
    for (const auto& [text, expected] : cases) {
        INFO('"' << text << '"');
        CHECK(parse_weekday(text) == expected);
    }
    CHECK(std::string{weekday_name(3)} == "среда");
    CHECK(std::string{weekday_name(8)}.empty());
}
