#include "formats/cell_text.h"
#include "report_test_support.h"

#include <catch2/catch.hpp>
#include <limits>

using schoolctl::formats::cell_text;
using schoolctl::formats::decimal_text;
using schoolctl::formats::decimal_value;
using schoolctl::formats::TextStyle;
using schoolctl::report::Decimal;

TEST_CASE("decimal_text keeps exactly the places", "[formats][cell_text]") {
    auto [scaled, places, text] = GENERATE(table<std::int64_t, int, std::string>({
        {5804, 2, "58.04"},
        {5810, 2, "58.10"},
        {500, 2, "5.00"},
        {-5, 2, "-0.05"},
        {-450, 2, "-4.50"},
        {0, 2, "0.00"},
        {7, 3, "0.007"},
        {42, 0, "42"},
        {-42, 0, "-42"},
        {123456789, 1, "12345678.9"},
        {std::numeric_limits<std::int64_t>::min(), 2, "-92233720368547758.08"},
    }));
    CAPTURE(scaled, places);
    CHECK(decimal_text(Decimal{scaled, places}) == text);
}

TEST_CASE("decimal_text with a decimal comma", "[formats][cell_text]") {
    CHECK(decimal_text(Decimal{5804, 2}, ',') == "58,04");
}

TEST_CASE("decimal_value is the nearest double", "[formats][cell_text]") {
    CHECK(decimal_value(Decimal{5804, 2}) == 58.04);
    CHECK(decimal_value(Decimal{-5, 2}) == -0.05);
    CHECK(decimal_value(Decimal{3, 0}) == 3.0);
}

TEST_CASE("cell_text in both styles", "[formats][cell_text]") {
    using schoolctl::report::Cell;
    const Cell date = schoolctl::test::ymd(2026, 9, 1);
    CHECK(cell_text(date, TextStyle::ru) == "01.09.2026");
    CHECK(cell_text(date, TextStyle::iso) == "2026-09-01");
    CHECK(cell_text(Cell{Decimal{458, 2}}, TextStyle::ru) == "4,58");
    CHECK(cell_text(Cell{Decimal{458, 2}}, TextStyle::iso) == "4.58");
    CHECK(cell_text(Cell{std::int64_t{-7}}, TextStyle::ru) == "-7");
    CHECK(cell_text(Cell{std::string("Ёж")}, TextStyle::ru) == "Ёж");
    CHECK(cell_text(Cell{}, TextStyle::iso).empty());
}
