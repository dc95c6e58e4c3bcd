#include "app/sample/config_text.h"
#include "app/sample/school_year.h"
#include "formats/config_reader.h"

#include <catch2/catch.hpp>

using namespace schoolctl;
using namespace schoolctl::app::sample;

TEST_CASE("the written schoolctl.toml reads back as the calendar the journal used",
          "[sample][config]") {
    domain::Settings s = school_settings({1517, ""});
    s.rooms = {"101", "102", "Спортзал 1", "Мастерская 1", "Кабинет технологии 1"};
    const std::string text = config_text(s);
    formats::ConfigState state;
    formats::apply_config_text(text, "schoolctl.toml", state);
    for (const auto& p : state.problems) {
        FAIL(p.message());
    }
    const auto& r = state.settings;
    CHECK(r.school_name == "ГБОУ Школа № 1517");
    CHECK(r.school_external_id == "msk-1517");
    CHECK(r.rooms == s.rooms);
    CHECK(r.year_name == s.year_name);
    REQUIRE(r.year_dates);
    CHECK(r.year_dates->start == s.year_dates->start);
    CHECK(r.year_dates->end == s.year_dates->end);
    CHECK(r.week_a == s.week_a);
    REQUIRE(r.periods.size() == 4);
    for (std::size_t i = 0; i < 4; ++i) {
        CHECK(r.periods[i].code == s.periods[i].code);
        CHECK(r.periods[i].dates.start == s.periods[i].dates.start);
        CHECK(r.periods[i].dates.end == s.periods[i].dates.end);
    }
    REQUIRE(r.holidays.size() == s.holidays.size());
    for (std::size_t i = 0; i < r.holidays.size(); ++i) {
        CHECK(r.holidays[i].dates.start == s.holidays[i].dates.start);
        CHECK(r.holidays[i].grades == s.holidays[i].grades);
    }
    CHECK(r.production == s.production);
    CHECK(r.unmarked_grades == std::vector<int>{1});
    REQUIRE(r.bells.size() == 3);
    CHECK(r.bells[0].lessons.size() == 7);
    CHECK(r.bells[1].to == s.bells[1].to);
    CHECK(r.bells[2].from == s.bells[2].from);
    CHECK(r.grading == s.grading);
    CHECK(r.work_types == s.work_types);
    CHECK(r.double_mark_subjects == s.double_mark_subjects);
    CHECK(bell_lessons(s, 1) == 5);
    CHECK(bell_lessons(s, 7) == 7);
}
