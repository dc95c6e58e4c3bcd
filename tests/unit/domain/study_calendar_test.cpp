#include "domain/study_calendar.h"

#include <array>
#include <catch2/catch.hpp>
#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

using schoolctl::domain::calendar_problems;
using schoolctl::domain::Date;
using schoolctl::domain::DayKind;
using schoolctl::domain::Holiday;
using schoolctl::domain::parse_date;
using schoolctl::domain::ProductionDay;
using schoolctl::domain::study_day;
using schoolctl::domain::StudyCalendar;
using schoolctl::domain::week_length;
using Kind = schoolctl::domain::ProductionDay::Kind;

namespace {

Date day(const std::string& text) {
    const auto d = parse_date(text);
    if (!d) {
        throw std::invalid_argument("bad test date " + text);
    }
    return *d;
}

Holiday holiday(const std::string& name, const std::string& from, const std::string& to,
                std::vector<int> grades = {}) {
    return {name, {day(from), day(to)}, std::move(grades)};
}

ProductionDay production(const std::string& date, Kind kind, const std::string& name = "",
                         std::optional<int> works_as = std::nullopt) {
    return {day(date), kind, name, works_as};
}

// The year and holidays of samples/schoolctl.toml, a fragment of a production calendar (two
// moved working Saturdays are made up for the tests), and grades 10–11 on a 6-day week.
StudyCalendar sample_2026_27() {
    StudyCalendar c;
    c.year = {day("2026-09-01"), day("2027-05-26")};
    c.holidays = {
        holiday("Осенние каникулы", "2026-10-24", "2026-11-01"),
        holiday("Зимние каникулы", "2026-12-27", "2027-01-10"),
        holiday("Дополнительные каникулы для первоклассников", "2027-02-13", "2027-02-21", {1}),
        holiday("Весенние каникулы", "2027-03-20", "2027-03-28"),
    };
    c.production = {
        production("2026-11-04", Kind::holiday, "День народного единства"),
        production("2026-12-26", Kind::working, "", 5),
        production("2026-12-31", Kind::day_off),
        production("2027-01-01", Kind::holiday, "Новогодние каникулы"),
        production("2027-01-07", Kind::holiday, "Рождество Христово"),
        production("2027-02-23", Kind::holiday, "День защитника Отечества"),
        production("2027-03-08", Kind::holiday, "Международный женский день"),
        production("2027-03-20", Kind::working, "", 1),
        production("2027-05-01", Kind::holiday, "Праздник Весны и Труда"),
        production("2027-05-03", Kind::day_off, "перенос с субботы 01.05"),
        production("2027-05-09", Kind::holiday, "День Победы"),
        production("2027-05-10", Kind::day_off),
    };
    c.default_week = 5;
    c.week_by_grade = {{10, 6}, {11, 6}};
    return c;
}

} // namespace

TEST_CASE("calendar: the 2026/27 sample year, day by day", "[domain][calendar]") {
    const StudyCalendar c = sample_2026_27();
    auto [date, grade, kind, weekday, reason] =
        GENERATE(table<std::string, int, DayKind, int, std::string>({
            {"2026-08-31", 5, DayKind::outside_year, 0, "вне учебного года"},
            {"2026-09-01", 5, DayKind::study, 2, ""},
            {"2026-09-01", 1, DayKind::study, 2, ""},
            {"2026-10-23", 5, DayKind::study, 5, ""}, // the last day of the 1st quarter
            {"2026-10-24", 10, DayKind::school_holiday, 0, "каникулы: Осенние каникулы"},
            {"2026-11-01", 5, DayKind::school_holiday, 0, "каникулы: Осенние каникулы"},
            {"2026-11-02", 5, DayKind::study, 1, ""},
            {"2026-11-04", 5, DayKind::public_holiday, 0, "праздник: День народного единства"},
            {"2026-11-04", 1, DayKind::public_holiday, 0, "праздник: День народного единства"},
            {"2026-11-07", 5, DayKind::weekend, 0, "выходной"},
            {"2026-11-07", 1, DayKind::weekend, 0, "выходной"},
            {"2026-11-07", 10, DayKind::study, 6, ""}, // a 6-day week studies on Saturday
            {"2026-11-08", 10, DayKind::weekend, 0, "выходной"},
            {"2026-12-26", 5, DayKind::study, 5, ""}, // the moved working Saturday
            {"2026-12-26", 1, DayKind::study, 5, ""},
            {"2026-12-26", 10, DayKind::study, 5, ""},
            {"2026-12-27", 5, DayKind::school_holiday, 0, "каникулы: Зимние каникулы"},
            {"2026-12-31", 5, DayKind::school_holiday, 0, "каникулы: Зимние каникулы"},
            {"2027-01-07", 5, DayKind::school_holiday, 0, "каникулы: Зимние каникулы"},
            {"2027-01-11", 5, DayKind::study, 1, ""},
            {"2027-02-12", 1, DayKind::study, 5, ""},
            {"2027-02-15", 1, DayKind::school_holiday, 0,
             "каникулы: Дополнительные каникулы для первоклассников"},
            {"2027-02-15", 2, DayKind::study, 1, ""},
            {"2027-02-20", 10, DayKind::study, 6, ""},
            {"2027-02-22", 1, DayKind::study, 1, ""},
            {"2027-02-23", 5, DayKind::public_holiday, 0, "праздник: День защитника Отечества"},
            {"2027-03-19", 5, DayKind::study, 5, ""}, // the last day of the 3rd quarter
            {"2027-03-20", 5, DayKind::school_holiday, 0, "каникулы: Весенние каникулы"},
            {"2027-03-29", 5, DayKind::study, 1, ""},
            {"2027-05-01", 10, DayKind::public_holiday, 0, "праздник: Праздник Весны и Труда"},
            {"2027-05-03", 5, DayKind::day_off, 0, "выходной: перенос с субботы 01.05"},
            {"2027-05-10", 10, DayKind::day_off, 0, "выходной"},
            {"2027-05-26", 5, DayKind::study, 3, ""},
            {"2027-05-27", 5, DayKind::outside_year, 0, "вне учебного года"},
        }));
    CAPTURE(date, grade);
    const auto verdict = study_day(c, day(date), grade);
    CHECK(verdict.kind == kind);
    CHECK(verdict.study() == (kind == DayKind::study));
    CHECK(verdict.timetable_weekday == weekday);
    CHECK(verdict.reason == reason);
}

TEST_CASE("calendar: study days of the sample year by weekday timetable", "[domain][calendar]") {
    const StudyCalendar c = sample_2026_27();
    auto [grade, total, by_weekday] = GENERATE(table<int, int, std::array<int, 7>>({
        {1, 163, {30, 33, 33, 33, 34, 0, 0}}, // a week less: the February holiday
        {5, 168, {31, 34, 34, 34, 35, 0, 0}}, // 26 December counts as a Friday
        {10, 198, {31, 34, 34, 34, 35, 30, 0}},
    }));
    CAPTURE(grade);
    using std::chrono::days;
    using std::chrono::sys_days;
    int studied = 0;
    std::array<int, 7> counted{};
    for (sys_days d{c.year.start}; d <= sys_days{c.year.end}; d += days{1}) {
        const auto verdict = study_day(c, Date{d}, grade);
        if (verdict.study()) {
            ++studied;
            ++counted[static_cast<std::size_t>(verdict.timetable_weekday - 1)];
        }
    }
    CHECK(studied == total);
    CHECK(counted == by_weekday);
}

TEST_CASE("calendar: which rule wins when a day is several things", "[domain][calendar]") {
    StudyCalendar c;
    c.year = {day("2026-09-01"), day("2027-05-26")};
    c.holidays = {holiday("Осенние каникулы", "2026-10-24", "2026-11-05", {1, 2})};
    c.production = {
        production("2026-08-29", Kind::working, "", 1), // before the year
        production("2026-11-04", Kind::holiday, "День народного единства"),
        production("2026-10-31", Kind::working, "", 1),      // inside grade 1–2 holidays
        production("2026-11-14", Kind::holiday, "Праздник"), // a Saturday
        production("2026-11-15", Kind::working, "", 3),      // a Sunday
        production("2026-11-17", Kind::working, "", 1),      // a Tuesday with Monday's timetable
    };
    c.week_by_grade = {{7, 6}};
    auto [date, grade, kind, weekday] = GENERATE(table<std::string, int, DayKind, int>({
        {"2026-08-29", 5, DayKind::outside_year, 0},   // the year before a working day
        {"2026-11-04", 1, DayKind::school_holiday, 0}, // holidays before a public holiday
        {"2026-11-04", 3, DayKind::public_holiday, 0},
        {"2026-10-31", 2, DayKind::school_holiday, 0}, // holidays before a working Saturday
        {"2026-10-31", 3, DayKind::study, 1},
        {"2026-11-14", 7, DayKind::public_holiday, 0}, // a public holiday before a study Saturday
        {"2026-11-15", 5, DayKind::study, 3},          // a working day before the weekend
        {"2026-11-15", 7, DayKind::study, 3},
        {"2026-11-17", 5, DayKind::study, 1},
        {"2026-11-21", 7, DayKind::study, 6},
        {"2026-11-21", 5, DayKind::weekend, 0},
    }));
    CAPTURE(date, grade);
    const auto verdict = study_day(c, day(date), grade);
    CHECK(verdict.kind == kind);
    CHECK(verdict.timetable_weekday == weekday);
    CHECK(calendar_problems(c).empty());
}

TEST_CASE("calendar: the 1st grade studies 5 days even in a 6-day school", "[domain][calendar]") {
    StudyCalendar c;
    c.year = {day("2026-09-01"), day("2027-05-26")};
    c.default_week = 6;
    c.week_by_grade = {{9, 5}};
    CHECK(week_length(c, 1) == 5);
    CHECK(week_length(c, 5) == 6);
    CHECK(week_length(c, 9) == 5);
    CHECK(study_day(c, day("2026-09-05"), 1).kind == DayKind::weekend);
    CHECK(study_day(c, day("2026-09-05"), 5).timetable_weekday == 6);
    CHECK(study_day(c, day("2026-09-05"), 9).kind == DayKind::weekend);
    CHECK(study_day(c, day("2026-09-06"), 5).reason == "выходной");
}

TEST_CASE("calendar: 29 February 2028 in a 2027/28 year", "[domain][calendar]") {
    StudyCalendar c;
    c.year = {day("2027-09-01"), day("2028-05-26")};
    c.holidays = {holiday("Дополнительные каникулы", "2028-02-21", "2028-02-29", {1})};
    c.production = {production("2028-02-23", Kind::holiday, "День защитника Отечества")};
    CHECK(calendar_problems(c).empty());
    const auto leap = study_day(c, day("2028-02-29"), 3);
    CHECK(leap.study());
    CHECK(leap.timetable_weekday == 2);
    CHECK(study_day(c, day("2028-02-29"), 1).reason == "каникулы: Дополнительные каникулы");
    CHECK(study_day(c, day("2028-03-01"), 1).timetable_weekday == 3);
    CHECK(study_day(c, day("2028-02-23"), 3).reason == "праздник: День защитника Отечества");
}

TEST_CASE("calendar: the sample year has no problems", "[domain][calendar]") {
    CHECK(calendar_problems(sample_2026_27()).empty());
}

TEST_CASE("calendar: problems, each named", "[domain][calendar]") {
    StudyCalendar base;
    base.year = {day("2026-09-01"), day("2027-05-26")};

    SECTION("a year that ends before it starts") {
        StudyCalendar c = base;
        c.year = {day("2027-05-26"), day("2026-09-01")};
        CHECK(calendar_problems(c) ==
              std::vector<std::string>{
                  "the academic year 26.05.2027–01.09.2026 ends before it starts"});
    }
    SECTION("holidays backwards, outside the year, for a grade that does not exist") {
        StudyCalendar c = base;
        c.holidays = {holiday("Осенние", "2026-11-01", "2026-10-24"),
                      holiday("Летние", "2027-05-27", "2027-08-31"),
                      holiday("Особые", "2027-02-13", "2027-02-21", {0, 12})};
        CHECK(calendar_problems(c) ==
              std::vector<std::string>{
                  "holiday «Осенние» 01.11.2026–24.10.2026 ends before it starts",
                  "holiday «Летние» 27.05.2027–31.08.2027 is not inside the academic year "
                  "01.09.2026–26.05.2027",
                  "holiday «Особые» names grade 0; grades are 1–11",
                  "holiday «Особые» names grade 12; grades are 1–11"});
    }
    SECTION("holidays that overlap for some grade, and ones that do not") {
        StudyCalendar c = base;
        c.holidays = {holiday("Зимние", "2026-12-27", "2027-01-10"),
                      holiday("Новогодние", "2027-01-10", "2027-01-12"),
                      holiday("Для 1", "2027-02-13", "2027-02-21", {1}),
                      holiday("Для 2", "2027-02-13", "2027-02-21", {2, 3}),
                      holiday("Для 3", "2027-02-20", "2027-02-27", {3})};
        CHECK(
            calendar_problems(c) ==
            std::vector<std::string>{"holiday «Новогодние» 10.01.2027–12.01.2027 overlaps «Зимние» "
                                     "27.12.2026–10.01.2027",
                                     "holiday «Для 3» 20.02.2027–27.02.2027 overlaps «Для 2» "
                                     "13.02.2027–21.02.2027"});
    }
    SECTION("production days that contradict themselves") {
        StudyCalendar c = base;
        c.production = {production("2026-11-04", Kind::holiday, "День народного единства"),
                        production("2026-11-04", Kind::holiday, "День народного единства"),
                        production("2026-12-26", Kind::working, "", 5),
                        production("2026-12-26", Kind::day_off),
                        production("2026-12-31", Kind::day_off, "", 4),
                        production("2027-03-20", Kind::working, "", 8),
                        production("2027-03-21", Kind::working, "", 0),
                        production("2027-04-03", Kind::working),
                        production("2027-04-04", Kind::working),
                        production("2027-04-06", Kind::working)}; // a Tuesday keeps its own
        CHECK(calendar_problems(c) ==
              std::vector<std::string>{
                  "04.11.2026 is listed twice in the production calendar",
                  "26.12.2026 is both a working day and a day off in the production calendar",
                  "31.12.2026 does not work, so it cannot work as weekday 4",
                  "20.03.2027 works as weekday 8; weekdays are 1 (Monday) to 7 (Sunday)",
                  "21.03.2027 works as weekday 0; weekdays are 1 (Monday) to 7 (Sunday)",
                  "the working Saturday 03.04.2027 needs the weekday whose timetable it follows",
                  "the working Sunday 04.04.2027 needs the weekday whose timetable it "
                  "follows"});
    }
    SECTION("production days outside the academic year are fine") {
        StudyCalendar c = base;
        c.production = {production("2026-06-12", Kind::holiday, "День России"),
                        production("2027-06-12", Kind::holiday, "День России")};
        CHECK(calendar_problems(c).empty());
        CHECK(study_day(c, day("2027-06-12"), 5).reason == "вне учебного года");
    }
    SECTION("week lengths") {
        StudyCalendar c = base;
        c.default_week = 7;
        c.week_by_grade = {{0, 5}, {1, 6}, {5, 4}, {10, 6}};
        CHECK(
            calendar_problems(c) ==
            std::vector<std::string>{"the default week has 7 study days a week; it must be 5 or 6",
                                     "a week length is set for grade 0; grades are 1–11",
                                     "the 1st grade always has a 5-day week, not 6",
                                     "grade 5 has 4 study days a week; it must be 5 or 6"});
    }
}
