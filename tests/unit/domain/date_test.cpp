#include "domain/date.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::domain::format_iso;
using schoolctl::domain::format_ru;
using schoolctl::domain::parse_date;

TEST_CASE("date: the calendar decides, in both notations") {
    auto [text, iso] = GENERATE(table<std::string, std::string>({
        {"29.02.2024", "2024-02-29"},
        {"2024-02-29", "2024-02-29"},
        {"29.02.2000", "2000-02-29"}, // divisible by 400: a leap year
        {"01.09.2026", "2026-09-01"},
        {" 31.12.2025 ", "2025-12-31"},
        {"2026-05-26", "2026-05-26"},
        {"29.02.2025", ""},
        {"2025-02-29", ""},
        {"29.02.1900", ""}, // divisible by 100 only: not a leap year
        {"31.02.2015", ""},
        {"31.04.2026", ""},
        {"32.01.2026", ""},
        {"00.01.2026", ""},
        {"15.13.2026", ""},
        {"2026-00-10", ""},
    }));
    CAPTURE(text);
    const auto d = parse_date(text);
    if (iso.empty()) {
        CHECK_FALSE(d.has_value());
    } else {
        REQUIRE(d.has_value());
        CHECK(format_iso(*d) == iso);
    }
}

TEST_CASE("date: text that is not a date") {
    auto text = GENERATE(as<std::string>{}, "", "   ", "abc", "31/12/2025", "31-12-2025",
                         "2025.12.31", "01.09.26", "2026-9-1", "01.09.2026г", "О1.09.2026",
                         "20260901", "01.09.2026 10:00");
    CAPTURE(text);
    CHECK_FALSE(parse_date(text).has_value());
}

TEST_CASE("date: formats round-trip") {
    const auto d = parse_date("05.03.2027");
    REQUIRE(d.has_value());
    CHECK(format_ru(*d) == "05.03.2027");
    CHECK(format_iso(*d) == "2027-03-05");
    CHECK(parse_date(format_iso(*d)) == d);
}
