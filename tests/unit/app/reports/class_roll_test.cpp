#include "app/reports/class_roll.h"

#include <catch2/catch.hpp>

using namespace schoolctl;

namespace {

domain::Date d(const char* iso) { return *domain::parse_date(iso); }

store::RollRow row(std::int64_t pupil, std::int64_t klass, const char* from,
                   std::optional<std::string> to, const char* last_name) {
    store::RollRow r;
    r.pupil_id = pupil;
    r.class_id = klass;
    r.from_date = from;
    r.to_date = std::move(to);
    r.name = {last_name, "Имя", ""};
    return r;
}

}  // namespace

TEST_CASE("a class's roll over a quarter counts arrivals and departures", "[reports]") {
    domain::DateRange q1{d("2026-09-01"), d("2026-10-23")};
    std::vector<store::RollRow> rows = {
        row(1, 10, "2026-09-01", std::nullopt, "Яковлев"),
        row(2, 10, "2026-09-01", std::string("2026-10-01"), "Ёлкин"),  // left
        row(3, 10, "2026-09-15", std::nullopt, "Белов"),                 // arrived
        row(4, 11, "2026-09-01", std::nullopt, "Другой"),                // another class
        row(5, 10, "2026-10-24", std::nullopt, "Поздний"),               // after the quarter
        // Left and came back: one row, from the first day to the last.
        row(6, 10, "2026-09-01", std::string("2026-09-10"), "Вернувшийся"),
        row(6, 10, "2026-10-01", std::nullopt, "Вернувшийся"),
    };
    app::ClassRoll roll = app::class_roll(rows, 10, q1);
    REQUIRE(roll.pupils.size() == 4);
    // Alphabetical, ё with е: Белов, Вернувшийся, Ёлкин, Яковлев.
    CHECK(roll.pupils[0].name.last == "Белов");
    CHECK(roll.pupils[1].name.last == "Вернувшийся");
    CHECK(roll.pupils[2].name.last == "Ёлкин");
    CHECK(roll.pupils[3].name.last == "Яковлев");
    CHECK(roll.at_start == 3);
    CHECK(roll.arrived == 1);
    CHECK(roll.left == 1);
    CHECK(roll.at_end == 3);
    CHECK(roll.pupils[2].to == d("2026-10-01"));
    CHECK_FALSE(roll.pupils[2].at_end);
    CHECK(roll.pupils[0].from == d("2026-09-15"));
    CHECK(roll.pupils[1].from == d("2026-09-01"));
    CHECK(roll.pupils[1].at_end);
}
