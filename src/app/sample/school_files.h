#pragma once
// One generated school, written as the files a school would import, into one folder.
#include "app/sample/journal.h"
#include "app/sample/school_year.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace schoolctl::app::sample {

struct SchoolSpec {
    SchoolIdentity identity;
    int pupils = 0;
    std::uint64_t seed = 1;
    std::uint64_t stream = 1;                 // which of the seed's streams the school draws from
    std::optional<domain::DateRange> journal; // the days with marks and attendance, if any
    std::filesystem::path folder;             // exists
};

struct SchoolSummary {
    std::filesystem::path folder;
    std::string name;        // «ГБОУ Школа № 1517»
    std::string external_id; // msk-1517
    int pupils = 0, classes = 0, groups = 0, guardians = 0, staff = 0, timetable_rows = 0;
    JournalStats journal;
};

// The files, in the order they are imported: subjects.csv, staff.csv, classes.csv,
// students.csv (and students.xlsx), guardians.csv, groups.csv, assignments.csv, timetable.csv,
// schoolctl.toml, marks.csv, attendance.csv (the last two only with a journal).
const std::vector<std::string>& school_file_names();

// Generates the school and writes its files: each under a temporary name first (mode 0600),
// all renamed into place once every one is complete. Errors: cant_create, io; failure when
// no timetable is found.
SchoolSummary write_school(const SchoolSpec& spec);

} // namespace schoolctl::app::sample
