#include "domain/period_mark.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using schoolctl::domain::builtin_scale;
using schoolctl::domain::compute_period_mark;
using schoolctl::domain::compute_year_mark;
using schoolctl::domain::GradingPolicy;
using schoolctl::domain::Mark;
using schoolctl::domain::MarkScale;
using schoolctl::domain::parse_mark;
using schoolctl::domain::PeriodMark;
using schoolctl::domain::Rounding;
using schoolctl::domain::Threshold;
using schoolctl::domain::WeightedMark;

namespace {

using Outcome = PeriodMark::Outcome;

MarkScale scale(const char* code, bool allow_one = false) {
    return *builtin_scale(code, allow_one);
}

// "5*3" is a 5 of weight 3; "4/3" a double mark; "н/а" a stray special mark.
std::vector<WeightedMark> marks(const MarkScale& s, std::initializer_list<std::string> written) {
    std::vector<WeightedMark> out;
    for (std::string w : written) {
        int weight = 1;
        if (auto star = w.find('*'); star != std::string::npos) {
            weight = std::stoi(w.substr(star + 1));
            w = w.substr(0, star);
        }
        auto parsed = parse_mark(w, s, {true, true});
        REQUIRE(std::holds_alternative<Mark>(parsed));
        out.push_back({std::get<Mark>(parsed), weight});
    }
    return out;
}

// `fives` marks of 5 and `fours` of 4, each of weight 1: a mean of exactly 4.xx for xx in
// hundredths when they add up to 100.
std::vector<WeightedMark> fives_and_fours(int fives, int fours) {
    std::vector<WeightedMark> out(static_cast<std::size_t>(fives),
                                  WeightedMark{Mark{Mark::Kind::value, "5", 500, {}}, 1});
    out.insert(out.end(), static_cast<std::size_t>(fours),
               WeightedMark{Mark{Mark::Kind::value, "4", 400, {}}, 1});
    return out;
}

// One mark is enough in these policies, so that short examples show the rounding; the
// minimum has tests of its own.
GradingPolicy thresholds(int five, int four, int three) {
    GradingPolicy p;
    p.rounding = Rounding::thresholds;
    p.thresholds = {{"5", five}, {"4", four}, {"3", three}};
    p.min_marks = 1;
    return p;
}

GradingPolicy nearest() {
    GradingPolicy p;
    p.min_marks = 1;
    return p;
}

const GradingPolicy half_up = nearest();
const GradingPolicy usual = thresholds(460, 360, 260);
const GradingPolicy novosibirsk = thresholds(465, 365, 265);

} // namespace

TEST_CASE("period mark: the school's thresholds, compared exactly", "[grading]") {
    auto [fives, fours, policy, mean, symbol] =
        GENERATE(table<int, int, GradingPolicy, int, std::string>({
            {60, 40, usual, 460, "5"},
            {59, 41, usual, 459, "4"},
            {100, 0, usual, 500, "5"},
            {0, 100, usual, 400, "4"},
            {65, 35, novosibirsk, 465, "5"},
            {64, 36, novosibirsk, 464, "4"},
            {60, 40, novosibirsk, 460, "4"},
        }));
    CAPTURE(fives, fours);
    auto pm = compute_period_mark(fives_and_fours(fives, fours), scale("five_point"), policy);
    CHECK(pm.outcome == Outcome::mark);
    CHECK(pm.symbol == symbol);
    CHECK(pm.mean == mean);
    CHECK(pm.count == 100);
    CHECK(pm.weight_sum == 100);
}

TEST_CASE("period mark: every band of the thresholds", "[grading]") {
    auto five = scale("five_point");
    auto [written, symbol, reason] =
        GENERATE(table<std::vector<std::string>, std::string, std::string>({
            {{"5", "5", "5", "4", "4"},
             "5",
             "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.60 ≥ 4.60, so 5"},
            {{"5", "4", "4"}, "4", "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.33 < 4.60, so 4"},
            {{"4*3", "3*2"}, "4", "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 3.60 < 4.60, so 4"},
            {{"4", "3", "3"}, "3", "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 3.33 < 3.60, so 3"},
            {{"3*3", "2*2"}, "3", "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 2.60 < 3.60, so 3"},
            {{"3", "2", "2"}, "2", "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 2.33 < 2.60, so 2"},
        }));
    std::vector<WeightedMark> ms;
    for (const auto& w : written) {
        auto one = marks(five, {w});
        ms.push_back(one.front());
    }
    auto pm = compute_period_mark(ms, five, usual);
    CHECK(pm.symbol == symbol);
    CHECK(pm.reason == reason);
}

TEST_CASE("period mark: below the lowest threshold, a school with «1» rounds half up",
          "[grading]") {
    auto five = scale("five_point", true);
    auto pm = compute_period_mark(marks(five, {"3", "1", "1", "1"}), five, usual);
    CHECK(pm.symbol == "2"); // 1.50 is halfway between 1 and 2
    CHECK(pm.reason ==
          "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 1.50 < 2.60; 1.50 is halfway between 1 and "
          "2, so 2");
    pm = compute_period_mark(marks(five, {"2", "1", "1", "1"}), five, usual);
    CHECK(pm.symbol == "1");
}

TEST_CASE("period mark: half up to the nearest mark", "[grading]") {
    auto five = scale("five_point");
    CHECK(compute_period_mark(fives_and_fours(50, 50), five, half_up).symbol == "5");
    CHECK(compute_period_mark(fives_and_fours(49, 51), five, half_up).symbol == "4");
    // 3.49: 49 fours and 51 threes.
    std::vector<WeightedMark> ms(49, WeightedMark{Mark{Mark::Kind::value, "4", 400, {}}, 1});
    ms.insert(ms.end(), 51, WeightedMark{Mark{Mark::Kind::value, "3", 300, {}}, 1});
    auto pm = compute_period_mark(ms, five, half_up);
    CHECK(pm.mean == 349);
    CHECK(pm.symbol == "3");
    CHECK(pm.reason == "nearest mark, halves up: 3.49 is nearest to 3, so 3");

    pm = compute_period_mark(marks(five, {"3", "2"}), five, half_up);
    CHECK(pm.mean == 250);
    CHECK(pm.symbol == "3");
    CHECK(pm.reason == "nearest mark, halves up: 2.50 is halfway between 2 and 3, so 3");
    // Thresholds are for the five-point scale only when the policy says so.
    CHECK(compute_period_mark(fives_and_fours(50, 50), five, usual).symbol == "4");
}

TEST_CASE("period mark: means a binary float gets wrong", "[grading]") {
    auto five = scale("five_point");
    // 5·2 + 5·3 + 2·1 = 27 over 6 is exactly 4.5, but summing mark·(weight/Σweight) in doubles
    // gives 5·(2/6.) + 5·(3/6.) + 2·(1/6.) = 4.499999999999999, which would round to 4.
    auto pm = compute_period_mark(marks(five, {"5*2", "5*3", "2*1"}), five, half_up);
    CHECK(pm.weighted_sum == 2700);
    CHECK(pm.weight_sum == 6);
    CHECK(pm.mean == 450);
    CHECK(pm.symbol == "5");

    // 4·3 + 3·2 = 18 over 5 is exactly 3.6; in doubles 4·3/5. + 3·2/5. = 3.5999999999999996,
    // which misses the threshold of 3.60 and would give 3.
    pm = compute_period_mark(marks(five, {"4*3", "3*2"}), five, usual);
    CHECK(pm.mean == 360);
    CHECK(pm.symbol == "4");

    // Likewise 3·3 + 2·2 = 13 over 5 is 2.6, in doubles 3·3/5. + 2·2/5. = 2.5999999999999996.
    pm = compute_period_mark(marks(five, {"3*3", "2*2"}), five, usual);
    CHECK(pm.mean == 260);
    CHECK(pm.symbol == "3");

    // 23 / 5 is 4.6, but the double 23/5. times 100 is 459.99999999999994: truncated for
    // display it would show 4.59 beside a 5. The mean shown is 4.60.
    pm = compute_period_mark(marks(five, {"5", "5", "5", "4", "4"}), five, usual);
    CHECK(pm.mean == 460);
    CHECK(pm.symbol == "5");

    // The other way: 5·3 + 5·3 + 4·3 + 4·1 = 46 over 10 sums to 4.6000000000000005 in doubles;
    // it is exactly 4.60 here.
    pm = compute_period_mark(marks(five, {"5*3", "5*3", "4*3", "4*1"}), five, usual);
    CHECK(pm.mean == 460);
    CHECK(pm.symbol == "5");
}

TEST_CASE("period mark: the mean shown is truncated, never rounded up", "[grading]") {
    auto five = scale("five_point");
    // 5·31 + 4·21 over 52 is 4.5961…: shown 4.59, below the threshold as the decision was.
    auto pm = compute_period_mark(marks(five, {"5*31", "4*21"}), five, usual);
    CHECK(pm.mean == 459);
    CHECK(pm.symbol == "4");
    CHECK(pm.reason == "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.59 < 4.60, so 4");
}

TEST_CASE("period mark: too few marks give «н/а»", "[grading]") {
    auto five = scale("five_point");
    GradingPolicy school = usual;
    school.min_marks = 3; // the default
    CHECK(school.min_marks == GradingPolicy{}.min_marks);
    auto pm = compute_period_mark(marks(five, {"5", "5"}), five, school);
    CHECK(pm.outcome == Outcome::not_attested);
    CHECK(pm.symbol == "н/а");
    CHECK(pm.count == 2);
    CHECK(pm.mean == 500);
    CHECK(pm.reason == "2 marks, 3 needed: н/а");

    pm = compute_period_mark({}, five, school);
    CHECK(pm.outcome == Outcome::not_attested);
    CHECK_FALSE(pm.mean);
    CHECK(pm.reason == "no marks, 3 needed: н/а");

    // A stray «н/а» among lesson marks is not a mark.
    pm = compute_period_mark(marks(five, {"5", "н/а", "5"}), five, school);
    CHECK(pm.count == 2);
    CHECK(pm.outcome == Outcome::not_attested);

    // A half-year asks for five.
    pm = compute_period_mark(marks(five, {"5", "5", "5", "4"}), five, school, 5);
    CHECK(pm.reason == "4 marks, 5 needed: н/а");
    pm = compute_period_mark(marks(five, {"5", "5", "5", "4", "4"}), five, school, 5);
    CHECK(pm.symbol == "5");
    // And a school may ask for fewer in one period.
    pm = compute_period_mark(marks(five, {"4"}), five, school, 1);
    CHECK(pm.reason == "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.00 < 4.60, so 4");
}

TEST_CASE("period mark: «4/3» counts as two marks", "[grading]") {
    auto five = scale("five_point");
    auto pm = compute_period_mark(marks(five, {"4/3", "5"}), five, usual);
    CHECK(pm.count == 3);
    CHECK(pm.weight_sum == 3);
    CHECK(pm.weighted_sum == 1200);
    CHECK(pm.symbol == "4");
    // Each half carries the mark's weight.
    pm = compute_period_mark(marks(five, {"5/5*3", "4"}), five, usual);
    CHECK(pm.count == 3);
    CHECK(pm.weight_sum == 7);
    CHECK(pm.weighted_sum == 3400);
    CHECK(pm.mean == 485);
}

TEST_CASE("period mark: no 5 with a 2 where the school says so", "[grading]") {
    auto five = scale("five_point");
    GradingPolicy strict = usual;
    strict.no_five_with_two = true;
    auto written = marks(five, {"5*3", "5*3", "5*3", "5*3", "2"});
    auto pm = compute_period_mark(written, five, usual);
    CHECK(pm.symbol == "5"); // 62 / 13 = 4.76
    pm = compute_period_mark(written, five, strict);
    CHECK(pm.symbol == "4");
    CHECK(pm.reason == "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.76 ≥ 4.60, so 5; but the "
                       "period has a 2 (no 5 with a mark below 3), so 4");
    // Half of a double mark counts too.
    pm = compute_period_mark(marks(five, {"5*3", "5*3", "5*3", "5/2"}), five, strict);
    CHECK(pm.symbol == "4");
    // A 3 is no bar: the 5 stands.
    pm = compute_period_mark(marks(five, {"5*3", "5*3", "5*3", "3"}), five, strict);
    CHECK(pm.symbol == "5"); // 48 / 10 = 4.80
}

TEST_CASE("period mark: pass/fail, ten- and hundred-point scales round half up", "[grading]") {
    auto [code, written, symbol, mean] =
        GENERATE(table<std::string, std::vector<std::string>, std::string, int>({
            {"pass_fail", {"зач", "зач", "незач"}, "зач", 66},
            {"pass_fail", {"зач", "незач", "незач"}, "незач", 33},
            {"pass_fail", {"зач", "незач"}, "зач", 50},
            {"ten_point", {"8", "7", "7"}, "7", 733},
            {"ten_point", {"8", "7"}, "8", 750},
            {"ten_point", {"10*3", "1"}, "8", 775},
            {"hundred_point", {"57", "58", "58"}, "58", 5766},
            {"hundred_point", {"0", "1", "100"}, "34", 3366},
            {"hundred_point", {"90", "91"}, "91", 9050},
        }));
    CAPTURE(code, written);
    auto s = scale(code.c_str());
    std::vector<WeightedMark> ms;
    for (const auto& w : written) {
        ms.push_back(marks(s, {w}).front());
    }
    // The school's thresholds are for the five-point scale only.
    auto pm = compute_period_mark(ms, s, usual);
    CHECK(pm.outcome == Outcome::mark);
    CHECK(pm.symbol == symbol);
    CHECK(pm.mean == mean);
}

TEST_CASE("period mark: a custom scale rounds to its nearest symbol", "[grading]") {
    MarkScale letters{
        "letter", "буквенная", {{"A", 400}, {"B", 300}, {"C", 200}, {"F", 0}}, 200, false};
    auto pm = compute_period_mark(marks(letters, {"A", "B", "B"}), letters, usual);
    CHECK(pm.symbol == "B"); // 3.33
    pm = compute_period_mark(marks(letters, {"C", "F", "C"}), letters, usual);
    CHECK(pm.symbol == "C"); // 1.33: nearer 2 than 0
    pm = compute_period_mark(marks(letters, {"C", "F"}), letters, usual, 2);
    CHECK(pm.symbol == "C"); // 1.00: halfway between F and C
    CHECK(pm.reason == "nearest mark, halves up: 1.00 is halfway between F and C, so C");
}

TEST_CASE("period mark: a scale without marks has nothing to compute", "[grading]") {
    auto pm = compute_period_mark({}, scale("none"), usual);
    CHECK(pm.outcome == Outcome::no_marks);
    CHECK(pm.symbol.empty());
    CHECK(pm.reason == "the none scale takes no marks");
}

TEST_CASE("year mark: the plain mean of the period marks", "[grading]") {
    auto five = scale("five_point");
    auto periods = [&](std::initializer_list<std::string> written) {
        std::vector<Mark> out;
        for (const auto& w : written) {
            out.push_back(marks(five, {w}).front().mark);
        }
        return out;
    };
    auto [written, outcome, symbol, reason] =
        GENERATE(table<std::vector<std::string>, Outcome, std::string, std::string>({
            {{"5", "5", "4", "5"},
             Outcome::mark,
             "5",
             "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.75 ≥ 4.60, so 5"},
            {{"5", "4", "5", "4"},
             Outcome::mark,
             "4",
             "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.50 < 4.60, so 4"},
            {{"5", "н/а", "5", "5"},
             Outcome::not_attested,
             "н/а",
             "a period is н/а (an academic debt): н/а"},
            {{"осв", "осв"}, Outcome::exempt, "осв", "every period is осв: осв"},
            {{"осв", "4", "5"},
             Outcome::mark,
             "4",
             "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.50 < 4.60, so 4"},
            {{}, Outcome::not_attested, "н/а", "no period marks: н/а"},
        }));
    CAPTURE(written);
    std::vector<Mark> ms;
    for (const auto& w : written) {
        ms.push_back(periods({w}).front());
    }
    auto ym = compute_year_mark(ms, five, usual);
    CHECK(ym.outcome == outcome);
    CHECK(ym.symbol == symbol);
    CHECK(ym.reason == reason);
    CHECK(compute_year_mark(ms, five, half_up).outcome == outcome);
}

TEST_CASE("year mark: an exempt period is left out of the mean", "[grading]") {
    auto five = scale("five_point");
    std::vector<Mark> ms = {{Mark::Kind::exempt, "осв", 0, {}},
                            {Mark::Kind::value, "3", 300, {}},
                            {Mark::Kind::value, "4", 400, {}}};
    auto ym = compute_year_mark(ms, five, usual);
    CHECK(ym.count == 2);
    CHECK(ym.mean == 350);
    CHECK(ym.symbol == "3");
}

TEST_CASE("year mark: half up rounds a 4.50 year to 5", "[grading]") {
    auto five = scale("five_point");
    std::vector<Mark> ms = {{Mark::Kind::value, "5", 500, {}}, {Mark::Kind::value, "4", 400, {}}};
    auto ym = compute_year_mark(ms, five, half_up);
    CHECK(ym.symbol == "5");
    CHECK(ym.weight_sum == 2);
    CHECK(compute_year_mark(ms, scale("none"), half_up).outcome == Outcome::no_marks);
}

TEST_CASE("grading policy: rounding names", "[grading]") {
    using schoolctl::domain::parse_rounding;
    using schoolctl::domain::rounding_name;
    for (Rounding r : {Rounding::half_up, Rounding::thresholds}) {
        CHECK(parse_rounding(rounding_name(r)) == r);
    }
    CHECK(rounding_name(Rounding::thresholds) == "thresholds");
    CHECK_FALSE(parse_rounding("up"));
    CHECK_FALSE(parse_rounding(""));
}

TEST_CASE("final mark: the year mark, or the mean of year and exam rounded half up",
          "[grading]") {
    auto five = scale("five_point");
    auto mark = [&](const char* text) {
        auto parsed = parse_mark(text, five, {false, true});
        REQUIRE(std::holds_alternative<Mark>(parsed));
        return std::get<Mark>(parsed);
    };
    using schoolctl::domain::compute_final_mark;
    auto [year, exam, outcome, symbol, reason] =
        GENERATE(table<const char*, const char*, Outcome, std::string, std::string>({
            {"4", "", Outcome::mark, "4", "no exam: the year mark, 4"},
            // 4.50 is 5 half up, though the school's thresholds would make it a 4.
            {"4", "5", Outcome::mark, "5",
             "mean of the year 4 and the exam 5, nearest mark, halves up: 4.50 is halfway "
             "between 4 and 5, so 5"},
            {"5", "3", Outcome::mark, "4", ""},
            {"3", "4", Outcome::mark, "4", ""},
            {"2", "4", Outcome::mark, "3", ""},
            {"5", "2", Outcome::mark, "2",
             "the exam mark 2 is below 3: it stands until a retake, so 2"},
            {"н/а", "5", Outcome::not_attested, "н/а",
             "the year is н/а (an academic debt): н/а"},
            {"4", "н/а", Outcome::not_attested, "н/а", "the exam is н/а: н/а"},
            {"4", "осв", Outcome::mark, "4", "exempt from the exam: the year mark, 4"},
            {"осв", "", Outcome::exempt, "осв", "the year is осв: осв"},
            {"осв", "4", Outcome::mark, "4", "the year is осв: the exam mark, 4"},
        }));
    CAPTURE(year, exam);
    std::optional<Mark> exam_mark;
    if (*exam != '\0') {
        exam_mark = mark(exam);
    }
    auto fm = compute_final_mark(mark(year), exam_mark, five);
    CHECK(fm.outcome == outcome);
    CHECK(fm.symbol == symbol);
    if (!reason.empty()) {
        CHECK(fm.reason == reason);
    }
}

TEST_CASE("final mark: a scale without marks has none", "[grading]") {
    auto none = scale("none");
    auto fm = schoolctl::domain::compute_final_mark({Mark::Kind::value, "5", 500, {}},
                                                    std::nullopt, none);
    CHECK(fm.outcome == Outcome::no_marks);
}
