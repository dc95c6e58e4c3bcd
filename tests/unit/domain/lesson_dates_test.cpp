// The dates a rule gives lessons on, against a school calendar of 2026/27 with every kind of
// day: school holidays (and the 1st grade's extra week), public holidays, a weekday off, a
// Saturday that works as Friday, a 6-day week for the 10th grade. Table-driven, no clock: every
// date is an input.
#include "domain/lesson_dates.h"

#include <catch2/catch.hpp>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

using namespace schoolctl::domain;

namespace {

Date day(const std::string& text) {
    auto d = parse_date(text);
    if (!d) {
        throw std::invalid_argument("bad test date " + text);
    }
    return *d;
}

StudyCalendar calendar_2026() {
    StudyCalendar c;
    c.year = {day("2026-09-01"), day("2027-05-26")};
    c.holidays = {
        {"Осенние каникулы", {day("2026-10-24"), day("2026-11-01")}, {}},
        {"Зимние каникулы", {day("2026-12-27"), day("2027-01-10")}, {}},
        {"Дополнительные каникулы", {day("2027-02-13"), day("2027-02-21")}, {1}},
        {"Весенние каникулы", {day("2027-03-20"), day("2027-03-28")}, {}},
    };
    using K = ProductionDay::Kind;
    c.production = {
        {day("2026-11-04"), K::holiday, "День народного единства", std::nullopt},
        {day("2026-12-26"), K::working, "", 5},
        {day("2026-12-31"), K::day_off, "", std::nullopt},
        {day("2027-02-22"), K::day_off, "", std::nullopt},
        {day("2027-02-23"), K::holiday, "День защитника Отечества", std::nullopt},
    };
    c.default_week = 5;
    c.week_by_grade = {{10, 6}};
    return c;
}

StudyCalendar calendar_2027() {
    StudyCalendar c;
    c.year = {day("2027-09-01"), day("2028-05-26")};
    c.default_week = 5;
    return c;
}

RuleDates rule(int weekday, const std::string& periodicity, const std::string& from = "2026-09-01",
               const std::string& to = "2027-05-26", const std::string& anchor = "2026-09-01") {
    auto p = parse_periodicity(periodicity);
    if (auto* why = std::get_if<std::string>(&p)) {
        throw std::invalid_argument(*why);
    }
    return {weekday, day(from), day(to), std::get<Periodicity>(p), day(anchor)};
}

std::vector<std::string> iso(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (const auto& d : dates) {
        out.push_back(format_iso(d));
    }
    return out;
}

struct Case {
    const char* what;
    RuleDates rule;
    int grade;
    const char* from;  // the window expanded
    const char* to;
    std::vector<std::string> expected;
};

}  // namespace

TEST_CASE("lesson dates follow the study calendar and the rule's weeks", "[lesson_dates]") {
    const StudyCalendar c = calendar_2026();
    const std::vector<Case> cases = {
        {"a public holiday has no lessons", rule(3, "weekly"), 5, "2026-11-01", "2026-11-30",
         {"2026-11-11", "2026-11-18", "2026-11-25"}},
        {"a Saturday that works as Friday has Friday's lessons", rule(5, "weekly"), 5,
         "2026-12-19", "2027-01-15", {"2026-12-25", "2026-12-26", "2027-01-15"}},
        {"...and no Saturday lessons of its own", rule(6, "weekly"), 10, "2026-12-19",
         "2026-12-27", {"2026-12-19"}},
        {"a 6-day week grade studies on Saturdays", rule(6, "weekly"), 10, "2026-11-01",
         "2026-11-15", {"2026-11-07", "2026-11-14"}},
        {"a 5-day week grade never does", rule(6, "weekly"), 5, "2026-11-01", "2026-11-15", {}},
        {"week A across the new year", rule(1, "A"), 5, "2026-12-14", "2027-01-25",
         {"2026-12-21", "2027-01-18"}},
        {"week B across the new year", rule(1, "B"), 5, "2026-12-14", "2027-01-25",
         {"2026-12-14", "2027-01-11", "2027-01-25"}},
        {"every 2 weeks from the anchor's week", rule(2, "every 2 weeks from 07.09.2026"), 5,
         "2026-09-01", "2026-10-06", {"2026-09-08", "2026-09-22", "2026-10-06"}},
        {"every 3 weeks, nothing before the anchor", rule(2, "every 3 weeks from 14.09.2026"), 5,
         "2026-09-01", "2026-10-31", {"2026-09-15", "2026-10-06"}},
        {"once", rule(4, "once 15.10.2026"), 5, "2026-09-01", "2027-05-26", {"2026-10-15"}},
        {"an exception", rule(3, "weekly except 18.11.2026"), 5, "2026-11-01", "2026-11-30",
         {"2026-11-11", "2026-11-25"}},
        {"valid from, inclusive", rule(1, "weekly", "2027-01-11"), 5, "2027-01-01", "2027-01-25",
         {"2027-01-11", "2027-01-18", "2027-01-25"}},
        {"valid to, inclusive", rule(1, "weekly", "2026-09-01", "2027-01-11"), 5, "2027-01-01",
         "2027-01-25", {"2027-01-11"}},
        {"the 1st grade's extra holiday and a weekday off", rule(1, "weekly"), 1, "2027-02-01",
         "2027-02-28", {"2027-02-01", "2027-02-08"}},
        {"other grades study that week", rule(1, "weekly"), 5, "2027-02-01", "2027-02-28",
         {"2027-02-01", "2027-02-08", "2027-02-15"}},
        {"the first and last day of the year", rule(2, "weekly"), 5, "2026-08-25", "2026-09-08",
         {"2026-09-01", "2026-09-08"}},
        {"the window is inclusive at both ends", rule(3, "weekly"), 5, "2026-11-11", "2026-11-25",
         {"2026-11-11", "2026-11-18", "2026-11-25"}},
    };
    for (const auto& k : cases) {
        INFO(k.what);
        StudyDays days(c, k.grade, day(k.from), day(k.to));
        CHECK(iso(lesson_dates(k.rule, days)) == k.expected);
    }
}

TEST_CASE("29 February is a study day like any other", "[lesson_dates]") {
    StudyDays days(calendar_2027(), 5, day("2028-02-20"), day("2028-03-08"));
    CHECK(iso(lesson_dates(rule(2, "weekly", "2027-09-01", "2028-05-26", "2027-09-01"), days)) ==
          std::vector<std::string>{"2028-02-22", "2028-02-29", "2028-03-07"});
}

TEST_CASE("a rule changed mid-year splits its dates without losing or doubling one",
          "[lesson_dates]") {
    const StudyCalendar c = calendar_2026();
    StudyDays days(c, 5, day("2026-09-01"), day("2027-05-26"));
    auto whole = lesson_dates(rule(1, "weekly"), days);
    auto before = lesson_dates(rule(1, "weekly", "2026-09-01", "2027-01-10"), days);
    auto after = lesson_dates(rule(1, "weekly", "2027-01-11"), days);
    std::vector<Date> joined = before;
    joined.insert(joined.end(), after.begin(), after.end());
    CHECK(joined == whole);
    REQUIRE_FALSE(after.empty());
    CHECK(format_iso(after.front()) == "2027-01-11");
    // 38 Mondays from 07.09.2026 to 24.05.2027, less 26.10, 28.12, 04.01 and 22.03 (holidays) and
    // 22.02 (a day off).
    CHECK(whole.size() == 33);
}
