#pragma once
// A generated school's parts, built the way write_school builds them, for the tests.
#include "app/sample/random.h"
#include "app/sample/roster.h"
#include "app/sample/school_year.h"
#include "app/sample/teaching_load.h"
#include "app/sample/timetable.h"

namespace schoolctl::test {

struct SampleSchool {
    app::sample::Random rng;
    domain::Settings settings;
    app::sample::Roster roster;
    app::sample::TeachingLoad load;
    app::sample::Timetable timetable;

    SampleSchool(int pupils, std::uint64_t seed, std::string prefix = "")
        : rng(app::sample::Random::stream(seed, 1)),
          settings(app::sample::school_settings({1001, prefix})),
          roster(app::sample::make_roster(rng, pupils, prefix)),
          load(app::sample::make_teaching_load(rng, roster, prefix)),
          timetable(app::sample::make_timetable(rng, roster, load)) {}
};

} // namespace schoolctl::test
