#include "domain/indicators.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using namespace schoolctl::domain;

namespace {

MarkTally tally(int n5, int n4, int n3, int n2, int nna) {
    MarkTally t;
    t.n5 = n5;
    t.n4 = n4;
    t.n3 = n3;
    t.n2 = n2;
    t.not_attested = nna;
    return t;
}

std::vector<MarkCategory> categories(std::initializer_list<const char*> marks) {
    std::vector<MarkCategory> out;
    for (const char* m : marks) {
        out.push_back(categorise_mark(m));
    }
    return out;
}

}  // namespace

TEST_CASE("the worked example of DOMAIN.md: N = 25, 5/10/8/1/1", "[indicators]") {
    Indicators i = indicators_of(tally(5, 10, 8, 1, 1));
    CHECK(i.success == 9200);  // 92 %
    CHECK(i.quality == 6000);  // 60 %
    CHECK(i.sou == 5804);      // 58.04 %
    CHECK(i.average == 379);   // 91 / 24 = 3.7916… → 3.79
}

TEST_CASE("indicators are rounded half up in hundredths, once", "[indicators]") {
    struct Case {
        MarkTally t;
        std::int64_t success, quality, sou, average;
    };
    // 2/3 = 66.666… → 66.67; 1/3 → 33.33; СОУ (100 + 64 + 16) / 3 = 60.00; (5 + 4 + 2) / 3 = 3.67
    // 7/8 = 87.5 % exactly; СОУ (700 + 7) / 8 = 88.375 → 88.38 (half up)
    Case cases[] = {
        {tally(1, 1, 0, 1, 0), 6667, 6667, 6000, 367},
        {tally(1, 0, 0, 2, 0), 3333, 3333, 4400, 300},
        {tally(7, 0, 0, 0, 1), 8750, 8750, 8838, 500},
        {tally(0, 0, 0, 0, 4), 0, 0, 700, 0},
    };
    for (const auto& c : cases) {
        Indicators i = indicators_of(c.t);
        INFO("n5 " << c.t.n5 << " n4 " << c.t.n4 << " n3 " << c.t.n3 << " n2 " << c.t.n2
                   << " nна " << c.t.not_attested);
        CHECK(i.success == c.success);
        CHECK(i.quality == c.quality);
        CHECK(i.sou == c.sou);
        if (c.t.n5 + c.t.n4 + c.t.n3 + c.t.n2 > 0) {
            CHECK(i.average == c.average);
        } else {
            CHECK_FALSE(i.average.has_value());  // «н/а» only: no mean
        }
    }
}

TEST_CASE("exempt pupils and pupils without marks are not in N", "[indicators]") {
    MarkTally t = tally(1, 1, 0, 0, 0);
    t.add(MarkCategory::exempt);
    t.add(MarkCategory::none);
    CHECK(t.rated() == 2);
    CHECK(indicators_of(t).quality == 10000);
    CHECK(indicators_of(MarkTally{}) == Indicators{});  // nothing to divide by
}

TEST_CASE("final marks are categorised as the formulas count them", "[indicators]") {
    CHECK(categorise_mark("5") == MarkCategory::five);
    CHECK(categorise_mark("2") == MarkCategory::two);
    CHECK(categorise_mark("1") == MarkCategory::two);
    CHECK(categorise_mark("незач") == MarkCategory::two);
    CHECK(categorise_mark("н/а") == MarkCategory::not_attested);
    CHECK(categorise_mark("осв") == MarkCategory::exempt);
    CHECK(categorise_mark("зач") == MarkCategory::passed);
    CHECK(categorise_mark("87") == MarkCategory::passed);
    CHECK(categorise_mark("") == MarkCategory::none);
    MarkTally t;
    t.add(categorise_mark("зач"));
    CHECK(t.rated() == 0);
}

TEST_CASE("a pupil's standing over the subjects", "[indicators]") {
    SECTION("отличник") {
        auto s = standing_of(categories({"5", "5", "зач", "5"}));
        CHECK(s.standing == Standing::excellent);
        CHECK(s.worst == MarkCategory::five);
        CHECK_FALSE(s.one_four);
    }
    SECTION("хорошист with one 4 names the subject") {
        auto s = standing_of(categories({"5", "5", "4", "5"}));
        CHECK(s.standing == Standing::good);
        CHECK(s.one_four);
        CHECK(s.subjects == std::vector<std::size_t>{2});
        CHECK(s.worst == MarkCategory::four);
    }
    SECTION("хорошист with two 4s") {
        auto s = standing_of(categories({"4", "5", "4"}));
        CHECK(s.standing == Standing::good);
        CHECK_FALSE(s.one_four);
        CHECK(s.subjects.empty());
    }
    SECTION("one 3 among 4s and 5s") {
        auto s = standing_of(categories({"4", "3", "5"}));
        CHECK(s.standing == Standing::satisfactory);
        CHECK(s.one_three);
        CHECK(s.subjects == std::vector<std::size_t>{1});
        CHECK(s.worst == MarkCategory::three);
    }
    SECTION("two 3s") {
        auto s = standing_of(categories({"3", "3", "5"}));
        CHECK(s.standing == Standing::satisfactory);
        CHECK_FALSE(s.one_three);
    }
    SECTION("неуспевающий: every 2 and н/а named, н/а the worst") {
        auto s = standing_of(categories({"2", "5", "н/а", "3", "незач"}));
        CHECK(s.standing == Standing::failing);
        CHECK(s.subjects == std::vector<std::size_t>{0, 2, 4});
        CHECK(s.worst == MarkCategory::not_attested);
        CHECK_FALSE(s.one_three);
    }
    SECTION("exempt from everything, or nothing to rate") {
        CHECK(standing_of(categories({"осв", "осв"})).standing == Standing::exempt);
        CHECK(standing_of(categories({"осв", ""})).standing == Standing::exempt);
        CHECK(standing_of(categories({"зач"})).standing == Standing::unrated);
        CHECK(standing_of(categories({})).standing == Standing::unrated);
        CHECK(standing_of(categories({"осв", "5"})).standing == Standing::excellent);
    }
}

TEST_CASE("pupils of a grade taught without marks are out of every count", "[indicators]") {
    // Whatever an older computation stored for them — «н/а», a 2 — counts as unmarked.
    for (const char* m : {"н/а", "2", "5", "осв", ""}) {
        CAPTURE(m);
        CHECK(categorise_mark(m, Marking::unmarked) == MarkCategory::unmarked);
    }
    CHECK(categorise_mark("н/а", Marking::marked) == MarkCategory::not_attested);

    // The worked example plus a 1st grade of 25 whose old rows all say «н/а».
    MarkTally t = tally(5, 10, 8, 1, 1);
    for (int i = 0; i < 25; ++i) {
        t.add(categorise_mark("н/а", Marking::unmarked));
    }
    CHECK(t.unmarked == 25);
    CHECK(t.not_attested == 1);
    CHECK(t.rated() == 25);
    CHECK(indicators_of(t) == indicators_of(tally(5, 10, 8, 1, 1)));

    MarkTally school = tally(5, 10, 8, 1, 1);
    school += t;
    CHECK(school.unmarked == 25);
    CHECK(school.rated() == 50);

    auto marks = categories({"н/а", "2", "5"});
    PupilStanding marked = standing_of(marks);
    CHECK(marked.standing == Standing::failing);
    PupilStanding unmarked = standing_of(marks, Marking::unmarked);
    CHECK(unmarked.standing == Standing::unmarked);
    CHECK(unmarked.worst == MarkCategory::unmarked);
    CHECK(unmarked.subjects.empty());  // named under no category
    CHECK_FALSE(unmarked.one_four);
    CHECK_FALSE(unmarked.one_three);
    CHECK(standing_of({}, Marking::unmarked).standing == Standing::unmarked);
}
