#include "formats/table_shape.h"

#include <catch2/catch.hpp>

using namespace schoolctl::formats;
namespace report = schoolctl::report;

TEST_CASE("highlight rules compare numbers exactly and texts as written", "[formats][shape]") {
    report::Highlight rule;
    rule.texts = {"2", "н/а"};
    rule.below = report::Decimal{300, 2};
    CHECK(caught(rule, report::Cell{std::string("н/а")}));
    CHECK(caught(rule, report::Cell{std::string("2")}));
    CHECK(caught(rule, report::Cell{std::int64_t{2}}));
    CHECK(caught(rule, report::Cell{report::Decimal{2999, 3}}));
    CHECK_FALSE(caught(rule, report::Cell{report::Decimal{3, 0}}));
    CHECK_FALSE(caught(rule, report::Cell{report::Decimal{30000, 4}}));
    CHECK_FALSE(caught(rule, report::Cell{std::string("Н/А")}));
    CHECK_FALSE(caught(rule, report::Cell{}));
    CHECK_FALSE(caught(rule, report::Cell{std::string("1")})); // text is not a number
    report::Highlight high;
    high.at_least = report::Decimal{30, 0};
    CHECK(caught(high, report::Cell{report::Decimal{3000, 2}}));
    CHECK(caught(high, report::Cell{std::int64_t{31}}));
    CHECK_FALSE(caught(high, report::Cell{report::Decimal{2999, 2}}));
    CHECK_FALSE(caught(high, report::Cell{std::string("н/а")}));
}

TEST_CASE("group spans cover every column once", "[formats][shape]") {
    report::Table table;
    table.columns = {{"ФИО"}, {"I"}, {"II"}, {"I"}, {"II"}, {"Итог"}};
    CHECK(group_spans(table).empty());
    table.groups = {{"Русский", 3, 9}, {"Математика", 1, 2}, {"Лишняя", 2, 2}, {"Пустая", 5, 0}};
    const auto spans = group_spans(table);
    REQUIRE(spans.size() == 3);
    CHECK((spans[0].first == 0 && spans[0].count == 1 && !spans[0].group));
    CHECK((spans[1].title == "Математика" && spans[1].first == 1 && spans[1].count == 2));
    CHECK((spans[2].title == "Русский" && spans[2].first == 3 && spans[2].count == 3));
    CHECK(qualified_titles(table) ==
          std::vector<std::string>{"ФИО", "Математика: I", "Математика: II", "Русский: I",
                                   "Русский: II", "Русский: Итог"});
}
