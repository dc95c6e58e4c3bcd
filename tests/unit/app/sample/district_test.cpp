#include "app/sample/district.h"

#include <catch2/catch.hpp>
#include <set>

using namespace schoolctl::app::sample;

TEST_CASE("a district's pupils are shared among schools of varying size", "[sample][district]") {
    Random rng(1);
    const auto shares = share_district(rng, 200'000, 100, 7425);
    REQUIRE(shares.size() == 100);
    int total = 0, smallest = 1'000'000, largest = 0;
    std::set<int> numbers;
    for (const auto& s : shares) {
        total += s.pupils;
        smallest = std::min(smallest, s.pupils);
        largest = std::max(largest, s.pupils);
        numbers.insert(s.number);
        CHECK(s.number >= 1);
        CHECK(s.number <= 2500);
    }
    CHECK(total == 200'000);
    CHECK(numbers.size() == 100);
    CHECK(largest > 2 * smallest); // schools differ
    CHECK(smallest > 500);
    CHECK(largest < 4000);
}

TEST_CASE("no school above the most, none empty", "[sample][district]") {
    Random rng(2);
    const auto full = share_district(rng, 1000, 4, 260);
    int total = 0;
    for (const auto& s : full) {
        CHECK(s.pupils <= 260);
        total += s.pupils;
    }
    CHECK(total == 1000);
    const auto tiny = share_district(rng, 3, 3, 100);
    for (const auto& s : tiny) {
        CHECK(s.pupils == 1);
    }
}
