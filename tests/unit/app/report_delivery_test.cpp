#include "app/report_delivery.h"

#include <catch2/catch.hpp>

#include "util/error.h"

using schoolctl::app::expand_time_pattern;

TEST_CASE("a dated output directory takes Moscow's date and time", "[reports]") {
    // 2026-11-28T21:30:05Z is 29.11.2026 00:30:05 in Moscow: the day has already changed there.
    const std::time_t at = 1795901405;
    CHECK(expand_time_pattern("/srv/reports/%Y-%m-%d/", at) == "/srv/reports/2026-11-29/");
    CHECK(expand_time_pattern("out/%H%M%S", at) == "out/003005");
    CHECK(expand_time_pattern("100%% ready/%d", at) == "100% ready/29");
    CHECK(expand_time_pattern("plain/dir/", at) == "plain/dir/");
}

TEST_CASE("a pattern strftime would take but the tool does not is refused", "[reports]") {
    for (const char* bad : {"x/%Q/", "x/%", "x/%a"}) {
        INFO(bad);
        try {
            expand_time_pattern(bad, 0);
            FAIL("accepted");
        } catch (const schoolctl::Error& e) {
            CHECK(e.code() == schoolctl::ExitCode::usage);
        }
    }
}
