#pragma once
// The weekly timetable of a generated school. Each class gets its days (as even as its hours
// allow, within SanPiN's daily limit; the 1st grade's one 5-lesson day has PE), every day from
// lesson 1 without gaps. The class's lessons are dealt into those places at random and then
// swapped within the class (min-conflicts local search) until no teacher is in two places at
// once; then swaps that spread each subject over the week are kept. Subgroups of a class have
// their lessons at the same time, in their teachers' rooms.
#include "app/sample/random.h"
#include "app/sample/roster.h"
#include "app/sample/teaching_load.h"
#include "domain/settings.h"

#include <string>
#include <vector>

namespace schoolctl::app::sample {

// Rows valid until the winter holidays' last day and from the day after: PE that changes hands.
inline constexpr const char* pe_until = "10.01.2027";
inline constexpr const char* pe_from = "11.01.2027";

struct TimetableRow {
    int klass = 0;
    int group = -1; // -1: the whole class
    int subject = 0;
    int teacher = 0;
    int day = 1;             // 1 = Monday … 5
    int lesson = 1;          // the bell's number
    std::string periodicity; // "" every week, "A" or "B"
    std::string from, to;    // DD.MM.YYYY or empty
};

struct Timetable {
    std::vector<TimetableRow> rows; // by class, then day, lesson and group
    long swaps = 0;                 // moves the search made
    int spread_penalty = 0;         // a subject more often in a day than its hours need
};

// Throws Error(failure) when no timetable without clashes is found (it has not happened with
// the generated loads; a different seed would do).
Timetable make_timetable(Random& rng, const Roster& roster, const TeachingLoad& load);

// Every rule the timetable breaks, one message each; empty when it is sound: nobody (teacher,
// room, class, subgroup) twice in one slot in any week, a class and its subgroup never at once,
// lessons inside the bells, each day from lesson 1 without gaps, SanPiN's daily and weekly
// limits.
std::vector<std::string> timetable_problems(const Roster& roster, const TeachingLoad& load,
                                            const Timetable& timetable,
                                            const domain::Settings& settings);

} // namespace schoolctl::app::sample
