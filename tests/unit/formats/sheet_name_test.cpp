#include "formats/sheet_name.h"

#include <catch2/catch.hpp>

using schoolctl::formats::sheet_names;
using Names = std::vector<std::string>;

TEST_CASE("sheet names keep valid keys", "[formats][xlsx]") {
    CHECK(sheet_names({"5А", "5Б", "10-1"}) == Names{"5А", "5Б", "10-1"});
}

TEST_CASE("sheet names replace Excel's forbidden characters", "[formats][xlsx]") {
    CHECK(sheet_names({"a/b\\c?d*e:f[g]"}) == Names{"a_b_c_d_e_f_g_"});
    CHECK(sheet_names({"'5А'"}) == Names{"5А"});
}

TEST_CASE("sheet names are cut to 31 characters, not bytes", "[formats][xlsx]") {
    const std::string long_name = "Ведомость итоговых отметок за первое полугодие";
    const auto names = sheet_names({long_name});
    CHECK(names[0] == "Ведомость итоговых отметок за п");
}

TEST_CASE("sheet names are unique regardless of case, Cyrillic too", "[formats][xlsx]") {
    CHECK(sheet_names({"5А", "5а", "5А"}) == Names{"5А", "5а (2)", "5А (3)"});
    CHECK(sheet_names({"Ёлка", "ёЛКА"}) == Names{"Ёлка", "ёЛКА (2)"});
    CHECK(sheet_names({"history"}) == Names{"history (2)"});
    const std::string thirty_one(31, 'x');
    CHECK(sheet_names({thirty_one, thirty_one}) ==
          Names{thirty_one, std::string(27, 'x') + " (2)"});
}

TEST_CASE("an empty key gets a numbered name", "[formats][xlsx]") {
    CHECK(sheet_names({"", "5А", ""}) == Names{"Лист 1", "5А", "Лист 3"});
}
