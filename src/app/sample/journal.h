#pragma once
// A term of a generated school's journal: marks and attendance on its real lessons, as the
// files `schoolctl marks import` and `attendance import` read (samples/marks.csv,
// samples/attendance.csv).
//
// Marks: each pupil has a level (a few excellent pupils, many good ones, the rest mostly 3s)
// and each subject moves it a little; single marks scatter around it, so most marks are 4 and
// 5, some 3, few 2. Answers in class and homework are marked now and then (more often in a
// subject of one or two hours a week), independent work every seventh lesson, a dictation
// every sixth Russian lesson («4/3»: spelling / the task), a test on the last lesson of each
// quarter and every twelfth. A teacher asks those who still lack three marks as the quarter
// ends; a pupil now and then is seldom asked in a subject and, ill or not, may end with «н/а».
// The 1st grade and the subjects without marks (ОРКСЭ, ОДНКНР) get none.
//
// Attendance: two flu weeks a quarter, when a pupil falls ill about ten times as often (Б for
// three to six days); one pupil in fifty is ill for two or three weeks; now and then a day
// missed without a reason (Н) or with a note (П); lateness to the first lesson (ОП, minutes).
// An absent pupil gets no mark.
#include "app/sample/lessons.h"
#include "app/sample/random.h"
#include "app/sample/roster.h"
#include "domain/settings.h"

#include <array>
#include <functional>
#include <string_view>
#include <vector>

namespace schoolctl::app::sample {

// Receives the text of a file in pieces, in order.
using TextSink = std::function<void(std::string_view)>;

struct JournalStats {
    long lessons = 0;
    long marks = 0;
    std::array<long, 6> by_value{}; // marks by their (first) value 2..5; a «4/3» counts as 4
    long ill = 0, unexcused = 0, excused = 0, late = 0; // attendance rows by code
    std::vector<domain::Date> flu_weeks;                // their Mondays
};

// Writes the files' text, headers included (with the BOM), to the sinks.
JournalStats write_journal(Random& rng, const Roster& roster, const Timetable& timetable,
                           const domain::Settings& settings, const domain::DateRange& range,
                           const TextSink& marks, const TextSink& attendance);

} // namespace schoolctl::app::sample
