#include "domain/periodicity.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <variant>
#include <vector>

using schoolctl::domain::Date;
using schoolctl::domain::format_iso;
using schoolctl::domain::format_periodicity;
using schoolctl::domain::occurrences;
using schoolctl::domain::occurs_on;
using schoolctl::domain::parse_date;
using schoolctl::domain::parse_periodicity;
using schoolctl::domain::Periodicity;
using schoolctl::domain::periodicity_problem;
using schoolctl::domain::Repeat;
using schoolctl::domain::rule_dates_problem;
using schoolctl::domain::RuleDates;

namespace {

Date day(const std::string& text) {
    const auto d = parse_date(text);
    if (!d) {
        throw std::invalid_argument("bad test date " + text);
    }
    return *d;
}

std::vector<std::string> iso(const std::vector<Date>& dates) {
    std::vector<std::string> out;
    for (const Date& d : dates) {
        out.push_back(format_iso(d));
    }
    return out;
}

Periodicity repeat(Repeat r) {
    Periodicity p;
    p.repeat = r;
    return p;
}

Periodicity every(int n, const std::string& from) {
    Periodicity p = repeat(Repeat::every_n_weeks);
    p.every = n;
    p.anchor = day(from);
    return p;
}

Periodicity once(const std::string& on) {
    Periodicity p = repeat(Repeat::once);
    p.on = day(on);
    return p;
}

// A rule of the 2026/27 year: weeks counted from Tuesday 1 September 2026 (its week, from
// Monday 31 August, is the 1st week and week A).
RuleDates rule(int weekday, Periodicity p, const std::string& from = "2026-09-01",
               const std::string& to = "2027-05-26") {
    return {weekday, day(from), day(to), std::move(p), day("2026-09-01")};
}

std::string reason_for(const std::string& text) {
    const auto parsed = parse_periodicity(text);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : "";
}

} // namespace

TEST_CASE("periodicity: A and B weeks alternate from the anchor's week, across the new year",
          "[domain][periodicity]") {
    // ISO numbers the weeks of 28.12.2026 and 04.01.2027 53 and 1, both odd; counted from the
    // anchor they are the 18th (B) and the 19th (A) week.
    auto [date, weekday, a_week] = GENERATE(table<std::string, int, bool>({
        {"2026-08-24", 1, false}, // the week before the anchor's continues the alternation
        {"2026-08-31", 1, true},  // Monday of the anchor's week
        {"2026-09-01", 2, true},  // the anchor itself
        {"2026-09-06", 7, true},  // Sunday closes week A
        {"2026-09-07", 1, false},
        {"2026-09-14", 1, true},
        {"2026-12-21", 1, true},
        {"2026-12-28", 1, false},
        {"2026-12-31", 4, false},
        {"2027-01-01", 5, false},
        {"2027-01-04", 1, true},
        {"2027-01-08", 5, true},
        {"2027-01-11", 1, false},
        {"2027-05-24", 1, true},
    }));
    CAPTURE(date);
    CHECK(occurs_on(rule(weekday, repeat(Repeat::week_a), "2026-08-01"), day(date)) == a_week);
    CHECK(occurs_on(rule(weekday, repeat(Repeat::week_b), "2026-08-01"), day(date)) == !a_week);
    CHECK(occurs_on(rule(weekday, repeat(Repeat::weekly), "2026-08-01"), day(date)));
}

TEST_CASE("periodicity: the week anchor decides which week is A", "[domain][periodicity]") {
    auto a_week = rule(1, repeat(Repeat::week_a), "2026-08-01");
    a_week.week_anchor = day("2026-09-13"); // a Sunday: its week starts on 7 September
    CHECK_FALSE(occurs_on(a_week, day("2026-08-31")));
    CHECK(occurs_on(a_week, day("2026-09-07")));
    CHECK(iso(occurrences(a_week, day("2026-08-01"), day("2026-09-30"))) ==
          std::vector<std::string>{"2026-08-10", "2026-08-24", "2026-09-07", "2026-09-21"});
}

TEST_CASE("periodicity: every N weeks counts from its date and never before it",
          "[domain][periodicity]") {
    auto [n, from, weekday, date, expected] =
        GENERATE(table<int, std::string, int, std::string, bool>({
            {2, "2026-09-09", 3, "2026-09-09", true}, // the date itself
            {2, "2026-09-09", 3, "2026-09-16", false},
            {2, "2026-09-09", 3, "2026-09-23", true},
            {2, "2026-09-09", 3, "2026-12-30", true}, // 16 weeks on
            {2, "2026-09-09", 3, "2027-01-06", false},
            {2, "2026-09-09", 3, "2026-08-26", false}, // an even week back, but before the date
            {2, "2026-09-07", 3, "2026-09-09", true},  // a Monday date: that week's Wednesday
            {2, "2026-09-10", 3, "2026-09-09", false}, // a Thursday date: not the day before it
            {2, "2026-09-10", 3, "2026-09-23", true},  // the next Wednesday of its cycle
            {3, "2026-09-07", 1, "2026-09-28", true},
            {3, "2026-09-07", 1, "2026-09-21", false},
            {3, "2026-09-07", 1, "2026-12-21", true},  // 15 weeks on
            {3, "2026-09-07", 1, "2026-12-28", false}, // 16 weeks on
            {1, "2026-10-05", 1, "2026-10-05", true},
            {1, "2026-10-05", 1, "2026-09-28", false},
        }));
    CAPTURE(n, from, date);
    CHECK(occurs_on(rule(weekday, every(n, from)), day(date)) == expected);
}

TEST_CASE("periodicity: every 2 weeks lists its dates", "[domain][periodicity]") {
    CHECK(iso(occurrences(rule(3, every(2, "2026-09-10")), day("2026-09-01"), day("2026-10-31"))) ==
          std::vector<std::string>{"2026-09-23", "2026-10-07", "2026-10-21"});
}

TEST_CASE("periodicity: 29 February on a Tuesday rule", "[domain][periodicity]") {
    const auto weekly = rule(2, repeat(Repeat::weekly), "2027-09-01", "2028-05-26");
    CHECK(occurs_on(weekly, day("2028-02-29")));
    CHECK(iso(occurrences(weekly, day("2028-02-20"), day("2028-03-08"))) ==
          std::vector<std::string>{"2028-02-22", "2028-02-29", "2028-03-07"});

    const auto fortnightly = rule(2, every(2, "2028-02-15"), "2027-09-01", "2028-05-26");
    CHECK(iso(occurrences(fortnightly, day("2028-02-01"), day("2028-03-31"))) ==
          std::vector<std::string>{"2028-02-15", "2028-02-29", "2028-03-14", "2028-03-28"});

    CHECK(iso(occurrences(rule(2, once("2028-02-29"), "2027-09-01", "2028-05-26"),
                          day("2028-02-01"), day("2028-02-29"))) ==
          std::vector<std::string>{"2028-02-29"});
}

TEST_CASE("periodicity: once gives its one date", "[domain][periodicity]") {
    const auto r = rule(4, once("2026-10-15"));
    CHECK(occurs_on(r, day("2026-10-15")));
    CHECK_FALSE(occurs_on(r, day("2026-10-08")));
    CHECK_FALSE(occurs_on(r, day("2026-10-22")));
    CHECK(iso(occurrences(r, day("2026-09-01"), day("2027-05-26"))) ==
          std::vector<std::string>{"2026-10-15"});
    CHECK(occurrences(r, day("2026-10-16"), day("2027-05-26")).empty());
    CHECK(occurrences(r, day("2026-09-01"), day("2026-10-14")).empty());
    // Thursday 15 October is no Wednesday: a once rule on the wrong weekday never occurs.
    CHECK_FALSE(occurs_on(rule(3, once("2026-10-15")), day("2026-10-15")));
}

TEST_CASE("periodicity: no lesson on an exception date", "[domain][periodicity]") {
    Periodicity p = repeat(Repeat::weekly);
    p.except = {day("2026-11-04"), day("2026-11-18"), day("2026-11-19")};
    const auto r = rule(3, p);
    CHECK_FALSE(occurs_on(r, day("2026-11-04")));
    CHECK(occurs_on(r, day("2026-11-11")));
    CHECK(iso(occurrences(r, day("2026-11-01"), day("2026-11-30"))) ==
          std::vector<std::string>{"2026-11-11", "2026-11-25"});

    Periodicity single = once("2026-11-04");
    single.except = {day("2026-11-04")};
    CHECK(occurrences(rule(3, single), day("2026-09-01"), day("2027-05-26")).empty());
}

TEST_CASE("periodicity: the valid range includes both ends", "[domain][periodicity]") {
    // Wednesdays from Wednesday 2 September to Wednesday 30 September 2026.
    auto [date, expected] = GENERATE(table<std::string, bool>({
        {"2026-08-26", false},
        {"2026-09-02", true},
        {"2026-09-30", true},
        {"2026-10-07", false},
    }));
    CAPTURE(date);
    const auto r = rule(3, repeat(Repeat::weekly), "2026-09-02", "2026-09-30");
    CHECK(occurs_on(r, day(date)) == expected);
    CHECK(iso(occurrences(r, day("2026-08-01"), day("2026-12-31"))) ==
          std::vector<std::string>{"2026-09-02", "2026-09-09", "2026-09-16", "2026-09-23",
                                   "2026-09-30"});
}

TEST_CASE("periodicity: a weekday that has no day in the range", "[domain][periodicity]") {
    // Monday 7 to Thursday 10 September has no Friday; a one-day rule has only its own weekday.
    CHECK(
        occurrences(rule(5, repeat(Repeat::weekly)), day("2026-09-07"), day("2026-09-10")).empty());
    CHECK(occurrences(rule(5, repeat(Repeat::weekly), "2026-09-08", "2026-09-08"),
                      day("2026-09-01"), day("2026-12-31"))
              .empty());
    CHECK(
        occurrences(rule(2, repeat(Repeat::weekly)), day("2026-10-01"), day("2026-09-01")).empty());
    // A B-week rule asked about one A week only.
    CHECK(
        occurrences(rule(1, repeat(Repeat::week_b)), day("2026-09-14"), day("2026-09-20")).empty());
}

TEST_CASE("periodicity: a moved working day follows the weekday it works as",
          "[domain][periodicity]") {
    // Saturday 26 December 2026, working as Friday, in the 17th week from the anchor: week A.
    const auto friday_a = rule(5, repeat(Repeat::week_a));
    CHECK(occurs_on(friday_a, day("2026-12-26"), 5));
    CHECK_FALSE(occurs_on(friday_a, day("2026-12-26")));
    CHECK_FALSE(occurs_on(rule(5, repeat(Repeat::week_b)), day("2026-12-26"), 5));
    CHECK_FALSE(occurs_on(rule(6, repeat(Repeat::weekly)), day("2026-12-26"), 5));
}

TEST_CASE("periodicity: occurrences() is occurs_on() asked day by day", "[domain][periodicity]") {
    Periodicity with_exceptions = every(3, "2026-09-16");
    with_exceptions.except = {day("2026-10-07"), day("2027-03-03"), day("2027-03-04")};
    Periodicity a_except = repeat(Repeat::week_a);
    a_except.except = {day("2026-12-28"), day("2027-01-04")};
    const std::vector<Periodicity> kinds = {repeat(Repeat::weekly), repeat(Repeat::week_a),
                                            repeat(Repeat::week_b), a_except,
                                            every(1, "2026-09-01"), every(2, "2026-09-09"),
                                            every(4, "2027-02-28"), every(5, "2025-06-30"),
                                            with_exceptions,        once("2027-03-03"),
                                            once("2026-12-31")};
    const auto [from, to] = GENERATE(table<std::string, std::string>({
        {"2026-08-01", "2027-08-31"}, // past both ends of the valid range
        {"2026-11-03", "2027-02-28"}, // inside it, starting mid-week
        {"2027-02-01", "2028-03-01"}, // across 29 February 2028
    }));
    CAPTURE(from, to);
    using std::chrono::days;
    using std::chrono::sys_days;
    for (const Periodicity& p : kinds) {
        for (int weekday = 1; weekday <= 7; ++weekday) {
            const auto r = rule(weekday, p, "2026-09-01", "2028-02-29");
            std::vector<Date> expected;
            for (sys_days d{day(from)}; d <= sys_days{day(to)}; d += days{1}) {
                if (occurs_on(r, Date{d})) {
                    expected.emplace_back(d);
                }
            }
            CAPTURE(format_periodicity(p), weekday);
            CHECK(iso(occurrences(r, day(from), day(to))) == iso(expected));
        }
    }
}

TEST_CASE("periodicity: the text forms of a timetable file", "[domain][periodicity]") {
    auto [text, canonical] = GENERATE(table<std::string, std::string>({
        {"weekly", "weekly"},
        {" Weekly ", "weekly"},
        {"еженедельно", "weekly"},
        {"Каждую неделю", "weekly"},
        {"A", "A"},
        {"а", "A"}, // Cyrillic
        {"odd", "A"},
        {"odd weeks", "A"},
        {"нечётная", "A"},
        {"Нечетная неделя", "A"},
        {"B", "B"},
        {"Б", "B"},
        {"even", "B"},
        {"ЧЁТНЫЕ НЕДЕЛИ", "B"},
        {"every 2 weeks from 2026-09-07", "every 2 weeks from 2026-09-07"},
        {"Every 3 weeks from 07.09.2026", "every 3 weeks from 2026-09-07"},
        {"every 1 week from 01.09.2026", "every 1 week from 2026-09-01"},
        {"каждые 2 недели с 07.09.2026", "every 2 weeks from 2026-09-07"},
        {"каждые 5 недель с 2026-09-07", "every 5 weeks from 2026-09-07"},
        {"once 2026-10-15", "once 2026-10-15"},
        {"once on 15.10.2026", "once 2026-10-15"},
        {"однократно 15.10.2026", "once 2026-10-15"},
        {"weekly except 04.11.2026", "weekly except 2026-11-04"},
        {"A except 04.11.2026, 2027-02-23", "A except 2026-11-04, 2027-02-23"},
        {"еженедельно кроме 04.11.2026; 23.02.2027", "weekly except 2026-11-04, 2027-02-23"},
        {"once 29.02.2028", "once 2028-02-29"},
    }));
    CAPTURE(text);
    const auto parsed = parse_periodicity(text);
    REQUIRE(std::holds_alternative<Periodicity>(parsed));
    const Periodicity& p = std::get<Periodicity>(parsed);
    CHECK(format_periodicity(p) == canonical);
    const auto again = parse_periodicity(canonical);
    REQUIRE(std::holds_alternative<Periodicity>(again));
    CHECK(std::get<Periodicity>(again) == p);
}

TEST_CASE("periodicity: text that is not a periodicity says why", "[domain][periodicity]") {
    const std::string forms = "(expected weekly, A, B, every N weeks from DATE or once DATE, "
                              "optionally followed by except DATE, ...)";
    auto [text, reason] = GENERATE_COPY(table<std::string, std::string>({
        {"", "the periodicity is empty (expected weekly, A, B, every N weeks from DATE or once "
             "DATE)"},
        {"fortnightly", "\"fortnightly\" is not a periodicity " + forms},
        {" C ", "\"C\" is not a periodicity " + forms},
        {"every 2 weeks", "\"every 2 weeks\" is not a periodicity " + forms},
        {"once", "\"once\" is not a periodicity " + forms},
        {"every 0 weeks from 07.09.2026", "every N weeks needs N of at least 1, not 0"},
        {"every two weeks from 07.09.2026", "\"two\" is not a number of weeks"},
        {"every 2 weeks from 31.09.2026",
         "\"31.09.2026\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"},
        {"once 29.02.2027", "\"29.02.2027\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"},
        {"weekly except", "\"except\" needs at least one date"},
        {"weekly except 4.11.2026",
         "\"4.11.2026\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"},
    }));
    CAPTURE(text);
    CHECK(reason_for(text) == reason);
}

TEST_CASE("periodicity: what makes a periodicity unusable", "[domain][periodicity]") {
    CHECK_FALSE(periodicity_problem(repeat(Repeat::weekly)));
    CHECK_FALSE(periodicity_problem(every(2, "2026-09-07")));
    CHECK_FALSE(periodicity_problem(once("2026-10-15")));

    Periodicity p = repeat(Repeat::every_n_weeks);
    p.every = 2;
    CHECK(periodicity_problem(p) == "every 2 weeks needs the date it counts from");
    CHECK(periodicity_problem(repeat(Repeat::once)) == "once needs its date");
    p = every(-1, "2026-09-07");
    CHECK(periodicity_problem(p) == "every N weeks needs N of at least 1, not -1");
    p = repeat(Repeat::week_a);
    p.every = 2;
    CHECK(periodicity_problem(p) == "week A has no N (every = 2); only every N weeks does");
    p = repeat(Repeat::weekly);
    p.anchor = day("2026-09-07");
    CHECK(periodicity_problem(p) ==
          "weekly has no start date (07.09.2026); only every N weeks does");
    p = every(2, "2026-09-07");
    p.on = day("2026-09-07");
    CHECK(periodicity_problem(p) ==
          "every N weeks has no single date (07.09.2026); only once does");
    p = repeat(Repeat::weekly);
    p.except = {Date{std::chrono::year{2027}, std::chrono::February, std::chrono::day{29}}};
    CHECK(periodicity_problem(p) == "2027-02-29 is not a date");
}

TEST_CASE("periodicity: rules whose dates cannot work", "[domain][periodicity]") {
    CHECK_FALSE(rule_dates_problem(rule(3, repeat(Repeat::weekly))));
    CHECK_FALSE(rule_dates_problem(rule(3, every(2, "2026-09-09"))));
    CHECK(rule_dates_problem(rule(0, repeat(Repeat::weekly))) ==
          "weekday 0 is not between 1 (Monday) and 7 (Sunday)");
    CHECK(rule_dates_problem(rule(8, repeat(Repeat::weekly))) ==
          "weekday 8 is not between 1 (Monday) and 7 (Sunday)");
    CHECK(rule_dates_problem(rule(3, repeat(Repeat::weekly), "2027-05-27", "2027-05-26")) ==
          "the rule is valid from 27.05.2027 to 26.05.2027: it starts after it ends");
    CHECK(rule_dates_problem(rule(3, repeat(Repeat::once))) == "once needs its date");
    CHECK(rule_dates_problem(rule(4, once("2027-06-03"))) ==
          "once 03.06.2027 is outside the rule's dates 01.09.2026–26.05.2027");
    CHECK(rule_dates_problem(rule(3, every(2, "2027-06-02"))) ==
          "every 2 weeks from 02.06.2027 starts after the rule ends on 26.05.2027");
    // A rule that cannot work gives no dates rather than undefined arithmetic.
    CHECK(
        occurrences(rule(3, every(0, "2026-09-09")), day("2026-09-01"), day("2027-05-26")).empty());
    CHECK_FALSE(occurs_on(rule(9, repeat(Repeat::weekly)), day("2026-09-09")));
}
