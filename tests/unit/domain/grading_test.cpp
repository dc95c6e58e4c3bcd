#include "domain/grading.h"

#include <catch2/catch.hpp>

using schoolctl::domain::default_work_types;
using schoolctl::domain::final_mark_rules;
using schoolctl::domain::find_work_type;
using schoolctl::domain::lesson_mark_rules;
using schoolctl::domain::MarkScale;
using schoolctl::domain::scale_codes;
using schoolctl::domain::scale_of;
using schoolctl::domain::Settings;
using schoolctl::domain::taught_without_marks;
using schoolctl::domain::unmarked_grades_text;
using schoolctl::domain::WorkType;

namespace {

Settings school() {
    Settings s;
    s.custom_scales.push_back(
        MarkScale{"letter", "буквенная", {{"A", 400}, {"B", 300}, {"F", 0}}, 300, false});
    s.double_mark_subjects = {"RUS", "LIT"};
    return s;
}

} // namespace

TEST_CASE("grading: the default work types", "[grading]") {
    CHECK(default_work_types() == std::vector<WorkType>{
                                      {"answer", "Ответ на уроке", 1},
                                      {"homework", "Домашняя работа", 1},
                                      {"independent", "Самостоятельная работа", 2},
                                      {"test", "Контрольная работа", 3},
                                  });
    CHECK(Settings{}.work_types == default_work_types());
    CHECK(schoolctl::domain::work_types_text(Settings{}) ==
          "answer (1), homework (1), independent (2), test (3)");
}

TEST_CASE("grading: a work type by code or name, any case", "[grading]") {
    auto s = school();
    auto [written, code] = GENERATE(table<std::string, std::string>({
        {"test", "test"},
        {"TEST", "test"},
        {"Контрольная работа", "test"},
        {"контрольная  работа", "test"},
        {"homework", "homework"},
        {"самостоятельная работа", "independent"},
        {"quiz", ""},
        {"", ""},
    }));
    CAPTURE(written);
    const WorkType* found = find_work_type(s, written);
    CHECK((found == nullptr ? "" : found->code) == code);
}

TEST_CASE("grading: scales by code, built-in and the school's own", "[grading]") {
    auto s = school();
    CHECK(scale_codes(s) == std::vector<std::string>{"five_point", "ten_point", "hundred_point",
                                                     "pass_fail", "none", "letter"});
    REQUIRE(scale_of(s, "letter"));
    CHECK(scale_of(s, "letter")->symbols_text() == "A, B, F");
    CHECK(scale_of(s, "five_point")->symbols_text() == "5, 4, 3, 2");
    s.five_point_allows_one = true;
    CHECK(scale_of(s, "five_point")->symbols_text() == "5, 4, 3, 2, 1");
    CHECK_FALSE(scale_of(s, "gpa"));
}

TEST_CASE("grading: which subjects take «4/3»", "[grading]") {
    auto s = school();
    CHECK(lesson_mark_rules(s, "RUS").allow_double);
    CHECK(lesson_mark_rules(s, "lit").allow_double);
    CHECK_FALSE(lesson_mark_rules(s, "MATH").allow_double);
    CHECK_FALSE(lesson_mark_rules(s, "RUS").allow_special);
    CHECK_FALSE(final_mark_rules().allow_double);
    CHECK(final_mark_rules().allow_special);
}

TEST_CASE("grading: the grades taught without marks", "[grading]") {
    Settings s;
    CHECK(taught_without_marks(s, 1));  // the 1st grade by default
    CHECK_FALSE(taught_without_marks(s, 2));
    CHECK(unmarked_grades_text(s) == "1");
    s.unmarked_grades = {};
    CHECK_FALSE(taught_without_marks(s, 1));
    CHECK(unmarked_grades_text(s).empty());
    s.unmarked_grades = {2, 1};
    CHECK(taught_without_marks(s, 2));
    CHECK_FALSE(taught_without_marks(s, 3));
    CHECK(unmarked_grades_text(s) == "1, 2");
}
