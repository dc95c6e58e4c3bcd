#pragma once
// The academic year every generated school has: 2026/27 with four quarters, the Moscow
// holidays, a sample production calendar (a working Saturday, moved days off), and the bells
// (45-minute lessons; the 1st grade's 35 and then 40 minutes). The same values are written
// into schoolctl.toml and give the lesson dates of the generated marks and absences, so the
// journal falls on the lessons `schedule generate` makes from that file.
#include "domain/settings.h"
#include "domain/study_calendar.h"

#include <string>

namespace schoolctl::app::sample {

struct SchoolIdentity {
    int number = 1001;     // «ГБОУ Школа № 1001», external id msk-1001
    std::string id_prefix; // "" for one school; "1001-" in a district (S-1001-0001)
};

// The settings of schoolctl.toml for the school: its name and ids, the calendar, the bells,
// the marks policy and the work types. Rooms are the caller's.
domain::Settings school_settings(const SchoolIdentity& school);

domain::StudyCalendar study_calendar(const domain::Settings& settings);

// The highest lesson number the grade's bells ring for (7; 5 for the 1st grade).
int bell_lessons(const domain::Settings& settings, int grade);

} // namespace schoolctl::app::sample
