#include "domain/mark_scale.h"

#include <catch2/catch.hpp>
#include <string>

using schoolctl::domain::builtin_scale;
using schoolctl::domain::builtin_scale_codes;
using schoolctl::domain::format_points;
using schoolctl::domain::Mark;
using schoolctl::domain::MarkRules;
using schoolctl::domain::MarkScale;
using schoolctl::domain::parse_mark;

namespace {

MarkScale scale(const char* code, bool allow_one = false) {
    auto s = builtin_scale(code, allow_one);
    REQUIRE(s);
    return *s;
}

// A school's own letter scale, highest first, as the config reader builds it.
MarkScale letters() {
    return MarkScale{"letter",
                     "буквенная",
                     {{"A", 400}, {"B+", 330}, {"B", 300}, {"C", 200}, {"F", 0}},
                     200,
                     false};
}

std::string reason_for(const std::string& text, const MarkScale& s, MarkRules rules = {}) {
    auto parsed = parse_mark(text, s, rules);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed)
                                                       : "(accepted)";
}

const MarkRules lesson{};
const MarkRules doubles{true, false};
const MarkRules finals{false, true};

} // namespace

TEST_CASE("mark scale: the built-in scales", "[grading]") {
    CHECK(builtin_scale_codes() == std::vector<std::string>{"five_point", "ten_point",
                                                            "hundred_point", "pass_fail", "none"});
    auto [code, symbols, pass] = GENERATE(table<std::string, std::string, int>({
        {"five_point", "5, 4, 3, 2", 300},
        {"ten_point", "10, 9, 8, 7, 6, 5, 4, 3, 2, 1", 400},
        {"hundred_point", "100, 99, …, 0", 5000},
        {"pass_fail", "зач, незач", 100},
        {"none", "", 0},
    }));
    CAPTURE(code);
    auto s = scale(code.c_str());
    CHECK(s.code == code);
    CHECK(s.symbols_text() == symbols);
    CHECK(s.pass_points == pass);
    CHECK(s.takes_marks() == (code != "none"));
    CHECK(s.uses_thresholds == (code == "five_point"));
    CHECK_FALSE(builtin_scale("letter"));
}

TEST_CASE("mark scale: «1» is on the five-point scale only where the school allows it",
          "[grading]") {
    CHECK(scale("five_point", true).symbols_text() == "5, 4, 3, 2, 1");
    CHECK(reason_for("1", scale("five_point")) ==
          "\"1\" is not a mark on the five_point scale (expected 5, 4, 3, 2)");
    CHECK(reason_for("1", scale("five_point", true)) == "(accepted)");
}

TEST_CASE("mark scale: every valid value of every scale is read back as itself", "[grading]") {
    for (const auto& code : builtin_scale_codes()) {
        auto s = scale(code.c_str(), true);
        for (const auto& symbol : s.symbols) {
            CAPTURE(code, symbol.symbol);
            auto parsed = parse_mark(symbol.symbol, s);
            REQUIRE(std::holds_alternative<Mark>(parsed));
            const Mark& m = std::get<Mark>(parsed);
            CHECK(m.kind == Mark::Kind::value);
            CHECK(m.text == symbol.symbol);
            CHECK(m.points == symbol.points);
            CHECK_FALSE(m.second_points);
        }
    }
}

TEST_CASE("mark scale: how marks are written", "[grading]") {
    auto [code, written, text, points] =
        GENERATE(table<std::string, std::string, std::string, int>({
            {"five_point", "5", "5", 500},
            {"five_point", " 4 ", "4", 400},
            {"five_point", "\t3", "3", 300},
            {"ten_point", "10", "10", 1000},
            {"ten_point", "7", "7", 700},
            {"hundred_point", "0", "0", 0},
            {"hundred_point", "100", "100", 10000},
            {"hundred_point", "57", "57", 5700},
            {"pass_fail", "зач", "зач", 100},
            {"pass_fail", "ЗАЧ", "зач", 100},
            {"pass_fail", "Зачёт", "зач", 100},
            {"pass_fail", "зачет", "зач", 100},
            {"pass_fail", "зачтено", "зач", 100},
            {"pass_fail", "незач", "незач", 0},
            {"pass_fail", "не зач", "незач", 0},
            {"pass_fail", "Не зачтено", "незач", 0},
            {"pass_fail", "незачёт", "незач", 0},
        }));
    CAPTURE(code, written);
    auto parsed = parse_mark(written, scale(code.c_str()));
    REQUIRE(std::holds_alternative<Mark>(parsed));
    CHECK(std::get<Mark>(parsed) == Mark{Mark::Kind::value, text, points, std::nullopt});
}

TEST_CASE("mark scale: a custom letter scale, case and spaces aside", "[grading]") {
    auto [written, text, points] = GENERATE(table<std::string, std::string, int>({
        {"A", "A", 400},
        {"a", "A", 400},
        {"b+", "B+", 330},
        {"B +", "B+", 330},
        {" f ", "F", 0},
    }));
    CAPTURE(written);
    auto parsed = parse_mark(written, letters());
    REQUIRE(std::holds_alternative<Mark>(parsed));
    CHECK(std::get<Mark>(parsed) == Mark{Mark::Kind::value, text, points, std::nullopt});
    CHECK(reason_for("E", letters()) ==
          "\"E\" is not a mark on the letter scale (expected A, B+, B, C, F)");
}

TEST_CASE("mark scale: «4/3» only where the subject takes two marks in a cell", "[grading]") {
    auto five = scale("five_point");
    for (const std::string written : {"4/3", " 4 / 3 ", "5/2"}) {
        CAPTURE(written);
        auto parsed = parse_mark(written, five, doubles);
        REQUIRE(std::holds_alternative<Mark>(parsed));
        const Mark& m = std::get<Mark>(parsed);
        CHECK(m.kind == Mark::Kind::double_value);
        CHECK(m.counts());
    }
    CHECK(std::get<Mark>(parse_mark("4 / 3", five, doubles)) ==
          Mark{Mark::Kind::double_value, "4/3", 400, 300});
    CHECK(reason_for("4/3", five) == "\"4/3\" is two marks in one cell, which this subject does "
                                     "not take (expected 5, 4, 3, 2)");
    CHECK(reason_for("4/3", five, finals) == "\"4/3\" is two marks in one cell, which this "
                                             "subject does not take (expected 5, 4, 3, 2, н/а, "
                                             "осв)");
    CHECK(reason_for("4/6", five, doubles) ==
          "\"4/6\" is not a mark on the five_point scale (expected 5, 4, 3, 2, or two of them as "
          "5/4)");
    CHECK(reason_for("4/", five, doubles) ==
          "\"4/\" is not a mark on the five_point scale (expected 5, 4, 3, 2, or two of them as "
          "5/4)");
    CHECK(std::get<Mark>(parse_mark("a/b+", letters(), doubles)) ==
          Mark{Mark::Kind::double_value, "A/B+", 400, 330});
}

TEST_CASE("mark scale: «н/а» and «осв» are period marks", "[grading]") {
    auto [written, kind, text] = GENERATE(table<std::string, Mark::Kind, std::string>({
        {"н/а", Mark::Kind::not_attested, "н/а"},
        {"Н/А", Mark::Kind::not_attested, "н/а"},
        {"на", Mark::Kind::not_attested, "н/а"},
        {" н / а ", Mark::Kind::not_attested, "н/а"},
        {"n/a", Mark::Kind::not_attested, "н/а"},
        {"N/A", Mark::Kind::not_attested, "н/а"},
        {"осв", Mark::Kind::exempt, "осв"},
        {"ОСВ", Mark::Kind::exempt, "осв"},
        {"осв.", Mark::Kind::exempt, "осв"},
    }));
    CAPTURE(written);
    for (const char* code : {"five_point", "pass_fail", "hundred_point"}) {
        auto parsed = parse_mark(written, scale(code), finals);
        REQUIRE(std::holds_alternative<Mark>(parsed));
        const Mark& m = std::get<Mark>(parsed);
        CHECK(m.kind == kind);
        CHECK(m.text == text);
        CHECK_FALSE(m.counts());
    }
    CHECK(reason_for(written, scale("five_point")) ==
          "\"" + written + "\" is a period mark, not a lesson mark (expected 5, 4, 3, 2)");
}

TEST_CASE("mark scale: refusals list the valid values", "[grading]") {
    auto [code, written, rules, reason] =
        GENERATE(table<std::string, std::string, MarkRules, std::string>({
            {"five_point", "6", lesson,
             "\"6\" is not a mark on the five_point scale (expected 5, 4, 3, 2)"},
            {"five_point", "0", finals,
             "\"0\" is not a mark on the five_point scale (expected 5, 4, 3, 2, н/а, осв)"},
            {"five_point", "4+", lesson,
             "\"4+\" is not a mark on the five_point scale (expected 5, 4, 3, 2)"},
            {"five_point", "пять", lesson,
             "\"пять\" is not a mark on the five_point scale (expected 5, 4, 3, 2)"},
            {"five_point", "  ", lesson, "a mark is empty (expected 5, 4, 3, 2)"},
            {"ten_point", "11", lesson,
             "\"11\" is not a mark on the ten_point scale (expected 10, 9, 8, 7, 6, 5, 4, 3, 2, "
             "1)"},
            {"hundred_point", "101", lesson,
             "\"101\" is not a mark on the hundred_point scale (expected 100, 99, …, 0)"},
            {"hundred_point", "57.5", lesson,
             "\"57.5\" is not a mark on the hundred_point scale (expected 100, 99, …, 0)"},
            {"pass_fail", "5", lesson,
             "\"5\" is not a mark on the pass_fail scale (expected зач, незач)"},
            {"none", "5", finals, "the none scale takes no marks"},
        }));
    CAPTURE(code, written);
    CHECK(reason_for(written, scale(code.c_str()), rules) == reason);
}

TEST_CASE("mark scale: points as text, always two decimals", "[grading]") {
    CHECK(format_points(460) == "4.60");
    CHECK(format_points(450) == "4.50");
    CHECK(format_points(405) == "4.05");
    CHECK(format_points(0) == "0.00");
    CHECK(format_points(10000) == "100.00");
    CHECK(format_points(5733) == "57.33");
}
