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

namespace {

// «№», «Ученик», then `subjects` groups of five three-unit columns (I–IV, год).
report::Table wide_sheet(std::size_t subjects) {
    report::Table table;
    table.columns = {{"№", 3}, {"Ученик", 15}};
    table.key_columns = 2;
    for (std::size_t s = 0; s < subjects; ++s) {
        const std::size_t first = table.columns.size();
        for (const char* p : {"I", "II", "III", "IV", "год"}) {
            table.columns.push_back({p, 3});
        }
        table.groups.push_back({"Предмет " + std::to_string(s + 1), first, 5});
    }
    table.columns.push_back({"дней", 6});
    std::vector<report::Cell> row;
    for (std::size_t c = 0; c < table.columns.size(); ++c) {
        row.emplace_back(static_cast<std::int64_t>(c));
    }
    table.rows.push_back(row);
    return table;
}

}  // namespace

TEST_CASE("a wide table is cut into slices of whole groups, each with the key columns",
          "[formats][shape]") {
    const report::Table table = wide_sheet(6);  // 18 + 6 × 15 + 6 = 114 units
    CHECK(column_slices(table, 114).size() == 1);
    const auto slices = column_slices(table, 50);  // 18 + two subjects (30) a slice
    REQUIRE(slices.size() == 4);
    std::vector<std::size_t> seen;
    for (const auto& slice : slices) {
        REQUIRE(slice.size() >= 3);
        CHECK((slice[0] == 0 && slice[1] == 1));
        seen.insert(seen.end(), slice.begin() + 2, slice.end());
    }
    CHECK(slices[0].size() == 12);     // two subjects
    CHECK(slices[3] == std::vector<std::size_t>{0, 1, 32});  // the days column alone
    std::vector<std::size_t> expected;
    for (std::size_t c = 2; c < table.columns.size(); ++c) {
        expected.push_back(c);
    }
    CHECK(seen == expected);  // every column once, in order

    // A group wider than the page is a slice of its own, not split.
    CHECK(column_slices(table, 20).size() == 7);
    // Without key columns the table is never cut.
    report::Table plain = table;
    plain.key_columns = 0;
    CHECK(column_slices(plain, 20).size() == 1);
}

TEST_CASE("a slice keeps its cells, groups and key columns", "[formats][shape]") {
    const report::Table table = wide_sheet(3);
    const report::Table part = column_slice(table, {0, 1, 7, 8, 9, 10, 11});
    REQUIRE(part.columns.size() == 7);
    CHECK(part.key_columns == 2);
    REQUIRE(part.groups.size() == 1);
    CHECK((part.groups[0].title == "Предмет 2" && part.groups[0].first == 2 &&
           part.groups[0].count == 5));
    REQUIRE(part.rows.size() == 1);
    CHECK(std::get<std::int64_t>(part.rows[0][2]) == 7);
    CHECK(std::get<std::int64_t>(part.rows[0][6]) == 11);
}
