// Finding the lesson a mark or an absence belongs to: through the class and groups the pupil was
// in on that date, with a reason and a hint for every miss.
#include <catch2/catch.hpp>

#include "app/journal/journal_lessons.h"
#include "journal_school.h"

using namespace schoolctl;
using test::day;

namespace {

// 5А: mathematics on 10.11 (№2), twice on 12.11 (№1, №3), 13.11 cancelled, 14.11 moved to
// 16.11 (№6), 17.11 (№2); 5Б: mathematics on 17.11 (№4) and 19.11 (№1); English in 5А's
// subgroup on 11.11 (№5).
struct Lessons : test::JournalSchool {
    std::int64_t a10 = 0, a12_1 = 0, a12_3 = 0, a13 = 0, a14 = 0, a17 = 0, b17 = 0, b19 = 0,
                 eng11 = 0;
    Lessons() {
        a10 = lesson(c5a, std::nullopt, math, "2026-11-10", 2);
        a12_1 = lesson(c5a, std::nullopt, math, "2026-11-12", 1);
        a12_3 = lesson(c5a, std::nullopt, math, "2026-11-12", 3);
        a13 = lesson(c5a, std::nullopt, math, "2026-11-13", 1);
        a14 = lesson(c5a, std::nullopt, math, "2026-11-14", 1);
        a17 = lesson(c5a, std::nullopt, math, "2026-11-17", 2);
        b17 = lesson(c5b, std::nullopt, math, "2026-11-17", 4);
        b19 = lesson(c5b, std::nullopt, math, "2026-11-19", 1);
        eng11 = lesson(std::nullopt, english1, eng, "2026-11-11", 5);
        set_state(a13, "2026-11-13", 1, "cancelled");
        set_state(a14, "2026-11-16", 6, "scheduled");
    }
    app::JournalLessons journal() { return app::JournalLessons(db(), year); }
};

std::int64_t found_id(const std::variant<app::JournalLesson, app::LessonMiss>& r) {
    if (auto* miss = std::get_if<app::LessonMiss>(&r)) {
        FAIL_CHECK(miss->field + ": " + miss->reason);
        return 0;
    }
    return std::get<app::JournalLesson>(r).lesson_id;
}

app::LessonMiss miss_of(const std::variant<app::JournalLesson, app::LessonMiss>& r) {
    REQUIRE(std::holds_alternative<app::LessonMiss>(r));
    return std::get<app::LessonMiss>(r);
}

}  // namespace

TEST_CASE("a pupil who moved class has the old class's lessons before and the new after",
          "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    CHECK(found_id(j.find(s.abramova, s.math, day("2026-11-10"))) == s.a10);
    CHECK(found_id(j.find(s.abramova, s.math, day("2026-11-17"))) == s.b17);
    CHECK(found_id(j.find(s.borisov, s.math, day("2026-11-17"))) == s.a17);
    // 5А's lesson of 17.11 is no longer hers; 5Б's of 19.11 is.
    auto miss = miss_of(j.find_by_id(s.abramova, s.a17));
    CHECK(miss.field == "pupil");
    CHECK_THAT(miss.reason, Catch::Contains("was not in 5А on 17.11.2026") &&
                                Catch::Contains("5Б from 16.11.2026"));
    CHECK(found_id(j.find_by_id(s.abramova, s.a10)) == s.a10);
    CHECK(found_id(j.find_by_id(s.abramova, s.b19)) == s.b19);
}

TEST_CASE("a subgroup's lesson belongs to the subgroup's members only", "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    auto found = j.find(s.borisov, s.eng, day("2026-11-11"));
    REQUIRE(found_id(found) == s.eng11);
    CHECK(std::get<app::JournalLesson>(found).group_id == s.english1);
    auto miss = miss_of(j.find(s.abramova, s.eng, day("2026-11-11")));
    CHECK(miss.field == "subject");
    CHECK_THAT(miss.reason, Catch::Contains("no lessons of Английский язык"));
    auto members = j.members_on(std::get<app::JournalLesson>(found));
    CHECK(members == std::vector<std::int64_t>{s.borisov});
}

TEST_CASE("two lessons of a subject in a day need the lesson number", "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    auto miss = miss_of(j.find(s.borisov, s.math, day("2026-11-12")));
    CHECK(miss.field == "lesson");
    CHECK_THAT(miss.reason, Catch::Contains("2 lessons on 12.11.2026 (№1, №3)"));
    CHECK(found_id(j.find(s.borisov, s.math, day("2026-11-12"), 3)) == s.a12_3);
    CHECK(found_id(j.find(s.borisov, s.math, day("2026-11-12"), 1)) == s.a12_1);
    auto wrong = miss_of(j.find(s.borisov, s.math, day("2026-11-12"), 2));
    CHECK(wrong.field == "lesson");
    CHECK_THAT(wrong.reason, Catch::Contains("no lesson №2") && Catch::Contains("№1, №3"));
    auto both = j.day_of(s.borisov, day("2026-11-12"));
    REQUIRE(both.size() == 2);
    CHECK(both[0].lesson_id == s.a12_1);
    CHECK(both[1].lesson_id == s.a12_3);
}

TEST_CASE("a cancelled lesson takes no marks, a moved one is found where it is now",
          "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    auto cancelled = miss_of(j.find(s.borisov, s.math, day("2026-11-13")));
    CHECK(cancelled.field == "date");
    CHECK_THAT(cancelled.reason, Catch::Contains("cancelled"));
    CHECK(miss_of(j.find_by_id(s.borisov, s.a13)).field == "lesson");
    CHECK(j.day_of(s.borisov, day("2026-11-13")).empty());

    CHECK(found_id(j.find(s.borisov, s.math, day("2026-11-16"))) == s.a14);
    auto old_place = miss_of(j.find(s.borisov, s.math, day("2026-11-14")));
    CHECK(old_place.field == "date");
    // The nearest lessons around 14.11: 12.11 (13.11 was cancelled) and 16.11 (the moved one).
    CHECK_THAT(old_place.reason, Catch::Contains("nearest: 12.11.2026, 16.11.2026"));
}

TEST_CASE("the nearest dates follow the pupil through a change of class", "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    // Abramova has no mathematics on 18.11 in 5Б; before it 17.11 (5Б), after it 19.11.
    auto miss = miss_of(j.find(s.abramova, s.math, day("2026-11-18")));
    CHECK(miss.field == "date");
    CHECK_THAT(miss.reason, Catch::Contains("(5Б)") &&
                                Catch::Contains("nearest: 17.11.2026, 19.11.2026"));
    // On 11.11, in 5А: 10.11 before, 12.11 after.
    CHECK_THAT(miss_of(j.find(s.abramova, s.math, day("2026-11-11"))).reason,
               Catch::Contains("nearest: 10.11.2026, 12.11.2026"));
}

TEST_CASE("a pupil in no class that day has no lessons", "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    auto miss = miss_of(j.find(s.vetrov, s.math, day("2026-11-17")));
    CHECK(miss.field == "pupil");
    CHECK_THAT(miss.reason, Catch::Contains("in no class on 17.11.2026") &&
                                Catch::Contains("5Б from 01.12.2026"));
    CHECK(j.day_of(s.vetrov, day("2026-11-17")).empty());
    CHECK(miss_of(j.find_by_id(s.vetrov, s.b17)).field == "pupil");
}

TEST_CASE("the members of a class lesson are those in the class on its date", "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    auto a10 = std::get<app::JournalLesson>(j.find_by_id(s.borisov, s.a10));
    auto a17 = std::get<app::JournalLesson>(j.find_by_id(s.borisov, s.a17));
    auto b17 = std::get<app::JournalLesson>(j.find_by_id(s.abramova, s.b17));
    CHECK(j.members_on(a10) == std::vector<std::int64_t>{s.abramova, s.borisov});
    CHECK(j.members_on(a17) == std::vector<std::int64_t>{s.borisov});
    CHECK(j.members_on(b17) == std::vector<std::int64_t>{s.abramova});
    CHECK(a17.teacher_id == s.teacher);
    CHECK(a17.class_id == s.c5a);
    CHECK(a17.date == "2026-11-17");
    CHECK(a17.lesson_no == 2);
    CHECK(miss_of(j.find_by_id(s.borisov, 999999)).field == "lesson");
}

namespace {

// (day, lessons) as dates, for comparing.
std::vector<std::pair<std::string, int>> days_text(std::span<const app::LessonDay> days) {
    std::vector<std::pair<std::string, int>> out;
    for (const auto& d : days) {
        out.emplace_back(domain::format_iso(domain::Date(std::chrono::sys_days(
                             std::chrono::days(d.day)))),
                         d.lessons);
    }
    return out;
}

using DayList = std::vector<std::pair<std::string, int>>;

}  // namespace

TEST_CASE("a pupil's lessons a day: the class's and the subgroup's, none cancelled, none after "
          "a move",
          "[app][journal]") {
    Lessons s;
    auto j = s.journal();
    // Borisov: 5А and its English subgroup; 13.11 cancelled, 14.11's lesson moved to 16.11.
    CHECK(days_text(j.lessons_per_day(s.borisov, day("2026-11-01"), day("2026-11-30"))) ==
          DayList{{"2026-11-10", 1}, {"2026-11-11", 1}, {"2026-11-12", 2}, {"2026-11-16", 1},
                  {"2026-11-17", 1}});
    // Asked again, and for part of the dates: the same days, cut to them.
    CHECK(days_text(j.lessons_per_day(s.borisov, day("2026-11-11"), day("2026-11-16"))) ==
          DayList{{"2026-11-11", 1}, {"2026-11-12", 2}, {"2026-11-16", 1}});
    CHECK(j.lessons_per_day(s.borisov, day("2026-11-18"), day("2026-11-30")).empty());
    // Abramova moved to 5Б on 16.11: 5А's lessons before, 5Б's from then (not 5А's of 16.11).
    CHECK(days_text(j.lessons_per_day(s.abramova, day("2026-11-01"), day("2026-11-30"))) ==
          DayList{{"2026-11-10", 1}, {"2026-11-12", 2}, {"2026-11-17", 1}, {"2026-11-19", 1}});
    // Vetrov joins 5Б on 01.12: no lessons in November.
    CHECK(j.lessons_per_day(s.vetrov, day("2026-11-01"), day("2026-11-30")).empty());
}

TEST_CASE("lessons read for some dates are those dates' only", "[app][journal]") {
    Lessons s;
    app::JournalLessons j(s.db(), s.year, domain::DateRange{day("2026-11-12"), day("2026-11-17")});
    CHECK(days_text(j.lessons_per_day(s.borisov, day("2026-11-01"), day("2026-11-30"))) ==
          DayList{{"2026-11-12", 2}, {"2026-11-16", 1}, {"2026-11-17", 1}});
}
