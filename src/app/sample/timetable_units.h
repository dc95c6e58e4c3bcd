#pragma once
// A class's week as units of the timetable search: one lesson a week each, whose parts are given
// at the same time — the two subgroups of a split subject, the subjects of weeks A and B, or a
// PE teacher before and after the change of 11.01.2027.
#include "app/sample/roster.h"
#include "app/sample/teaching_load.h"

#include <vector>

namespace schoolctl::app::sample {

struct UnitPart {
    int group = -1;
    int subject = 0;
    int teacher = 0;
    const char* periodicity = "";
    const char* from = "";
    const char* to = "";
};

struct Unit {
    std::vector<UnitPart> parts;
    std::vector<int> teachers; // distinct
    std::vector<int> subjects; // distinct
};

// The units of class `klass`: its plan's hours, split subjects in its subgroups, the alternating
// pair of grades 10–11, and PE that changes hands.
std::vector<Unit> class_units(const Roster& roster, const TeachingLoad& load, int klass);

} // namespace schoolctl::app::sample
