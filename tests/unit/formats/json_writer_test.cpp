#include "formats/json_writer.h"
#include "report_test_support.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

using schoolctl::formats::write_json;
namespace report = schoolctl::report;

namespace {

std::string json(const report::Document& doc) {
    std::ostringstream out;
    write_json(doc, out);
    return out.str();
}

report::Document marks_document() {
    report::Document doc;
    doc.kind = "marks";
    doc.title = "Ведомость";
    doc.school = "Школа";
    doc.generated = "01.09.2026 10:00";
    report::Section s;
    s.key = "5А";
    s.heading = "Класс 5А";
    s.meta = {{"Предмет", "Математика"}};
    s.table.columns = {{"ФИО"}, {"Балл"}, {"Дата"}, {"Пропуски"}};
    s.table.rows = {
        {std::string("Ёлкин \"Пётр\""), report::Decimal{5804, 2}, schoolctl::test::ymd(2026, 9, 1),
         std::monostate{}},
        {std::string("Юдин"), report::Decimal{5810, 2}, std::monostate{}, std::int64_t{3}},
    };
    s.notes = {"н — не был"};
    doc.sections = {s};
    return doc;
}

} // namespace

TEST_CASE("JSON exact text", "[formats][json]") {
    const std::string expected = R"({
  "kind": "marks",
  "title": "Ведомость",
  "school": "Школа",
  "generated": "01.09.2026 10:00",
  "meta": [],
  "sections": [
    {
      "key": "5А",
      "heading": "Класс 5А",
      "meta": [
        {
          "label": "Предмет",
          "value": "Математика"
        }
      ],
      "columns": [
        "ФИО",
        "Балл",
        "Дата",
        "Пропуски"
      ],
      "rows": [
        [
          "Ёлкин \"Пётр\"",
          58.04,
          "2026-09-01",
          null
        ],
        [
          "Юдин",
          58.10,
          null,
          3
        ]
      ],
      "notes": [
        "н — не был"
      ]
    }
  ],
  "footnotes": []
}
)";
    CHECK(json(marks_document()) == expected);
}

TEST_CASE("JSON decimals are numbers with exactly their places", "[formats][json]") {
    auto [scaled, places, text] = GENERATE(table<std::int64_t, int, std::string>({
        {5804, 2, "58.04"},
        {5810, 2, "58.10"},
        {-5, 2, "-0.05"},
        {4, 0, "4"},
        {1, 3, "0.001"},
    }));
    report::Document doc;
    report::Section s;
    s.table.columns = {{"x"}};
    s.table.rows = {{report::Decimal{scaled, places}}};
    doc.sections = {s};
    const std::string out = json(doc);
    CHECK(out.find("\n          " + text + "\n") != std::string::npos);
    // Whatever the text, a JSON parser must read it as that number.
    const auto parsed = nlohmann::json::parse(out);
    const auto& value = parsed["sections"][0]["rows"][0][0];
    CHECK(value.is_number());
    CHECK(value.dump() == nlohmann::json::parse(text).dump());
}

TEST_CASE("JSON without decimals is exactly nlohmann's dump(2)", "[formats][json]") {
    auto doc = schoolctl::test::small_document();
    for (auto& section : doc.sections) {
        for (auto& row : section.table.rows) {
            row[3] = std::int64_t{5};
        }
    }
    const std::string out = json(doc);
    CHECK(out == nlohmann::ordered_json::parse(out).dump(2) + "\n");
}

TEST_CASE("JSON replaces invalid UTF-8 instead of failing", "[formats][json]") {
    report::Document doc;
    doc.title = "bad \xFF byte";
    CHECK(json(doc).find("\"bad \xEF\xBF\xBD byte\"") != std::string::npos);
}

TEST_CASE("JSON names grouped columns «Group: Title», as CSV does", "[formats][json]") {
    const auto parsed = nlohmann::json::parse(json(schoolctl::test::featured_document()));
    const auto& columns = parsed["sections"][0]["columns"];
    CHECK(columns == nlohmann::json::array({"Класс", "Математика: I", "Математика: II",
                                            "Математика: год", "Качество, %", "Пропуски, %"}));
    CHECK(parsed["sections"][0]["rows"][1][2] == "н/а");
}
