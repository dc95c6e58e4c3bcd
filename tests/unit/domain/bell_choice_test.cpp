#include "domain/bell_choice.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using schoolctl::domain::bell_for;
using schoolctl::domain::bell_schedule_for;
using schoolctl::domain::BellSchedule;

namespace {

BellSchedule schedule(std::string name, std::vector<int> grades, std::vector<std::string> classes,
                      std::vector<int> weekdays, std::string first_start) {
    return BellSchedule{std::move(name), std::move(grades), {{1, first_start, "09:15"}},
                        std::move(classes), std::move(weekdays), std::nullopt, std::nullopt};
}

// A school's usual set: the main one, the 1st grade's, Monday with «Разговоры о важном» for
// everyone but the 1st grade, and 5А's own.
const std::vector<BellSchedule> school = {
    schedule("Основное", {}, {}, {}, "08:30"),
    schedule("1 класс", {1}, {}, {}, "08:45"),
    schedule("Понедельник", {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, {}, {1}, "09:00"),
    schedule("5А", {}, {"5А"}, {}, "08:00"),
};

std::string chosen(const std::string& class_name, int grade, int weekday) {
    const BellSchedule* s = bell_schedule_for(school, class_name, grade, weekday);
    return s == nullptr ? "none" : s->name;
}

}  // namespace

TEST_CASE("the most specific bell schedule applies", "[bells]") {
    struct Case {
        std::string class_name;
        int grade;
        int weekday;
        std::string expected;
    };
    const std::vector<Case> cases = {
        {"7Б", 7, 2, "Основное"},     // nothing more specific
        {"1А", 1, 2, "1 класс"},      // its grade's schedule beats the general one
        {"1А", 1, 1, "1 класс"},      // Monday's schedule is not for the 1st grade
        {"7Б", 7, 1, "Понедельник"},  // grade and weekday beat grade alone
        {"5А", 5, 3, "5А"},           // a class's own beats its grade's
        {"5А", 5, 1, "5А"},           // and beats grade + weekday
        {"5Б", 5, 1, "Понедельник"},
    };
    for (const auto& c : cases) {
        INFO(c.class_name << " on weekday " << c.weekday);
        CHECK(chosen(c.class_name, c.grade, c.weekday) == c.expected);
    }
}

TEST_CASE("no bell schedule when every one names others; ties go to the first", "[bells]") {
    std::vector<BellSchedule> only_first = {schedule("1 класс", {1}, {}, {}, "08:45")};
    CHECK(bell_schedule_for(only_first, "5А", 5, 1) == nullptr);
    CHECK_FALSE(bell_for(only_first, "5А", 5, 1, 1).has_value());

    std::vector<BellSchedule> twins = {schedule("A", {5}, {}, {}, "08:30"),
                                       schedule("B", {5}, {}, {}, "09:30")};
    CHECK(bell_schedule_for(twins, "5А", 5, 1)->name == "A");
}

TEST_CASE("a schedule limited to some dates applies only then, and wins then", "[bells]") {
    using schoolctl::domain::parse_date;
    auto autumn = schedule("1 класс, 35 минут", {1}, {}, {}, "08:30");
    autumn.to = parse_date("2026-12-31");
    auto winter = schedule("1 класс, 40 минут", {1}, {}, {}, "08:30");
    winter.lessons.front().end = "09:10";
    winter.from = parse_date("2027-01-11");
    std::vector<BellSchedule> bells = {schedule("Основное", {}, {}, {}, "08:30"), autumn, winter};
    CHECK(bell_schedule_for(bells, "1А", 1, 1, parse_date("2026-10-05"))->name == autumn.name);
    CHECK(bell_schedule_for(bells, "1А", 1, 1, parse_date("2027-02-01"))->name == winter.name);
    CHECK(bell_schedule_for(bells, "5А", 5, 1, parse_date("2027-02-01"))->name == "Основное");
    CHECK(bell_for(bells, "1А", 1, 1, 1, parse_date("2027-02-01"))->end == "09:10");
}

TEST_CASE("a lesson's bell comes from the chosen schedule", "[bells]") {
    auto bell = bell_for(school, "7Б", 7, 1, 1);
    REQUIRE(bell.has_value());
    CHECK(bell->start == "09:00");
    CHECK_FALSE(bell_for(school, "7Б", 7, 1, 2).has_value());  // the schedule has no lesson 2
}
