#pragma once
// `schoolctl sample generate`: a synthetic school, or a district of schools, as the files a
// school imports (roster, timetable, configuration, a term of marks and attendance). Needs no
// database.
#include "app/sample/school_files.h"

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::app::sample {

struct SampleRequest {
    int pupils = 0;  // in all; a district shares them among its schools
    int schools = 1; // 1: the files go straight into `out`; more: out/school-001/ …
    std::uint64_t seed = 1;
    std::string period = "Q1"; // the journal's days: Q1 … Q4, "year", or "none"
    std::filesystem::path out;
    bool force = false;   // write into a folder that already holds files
    unsigned threads = 0; // schools written at once; 0: one per core
};

struct SampleSummary {
    std::filesystem::path out;
    std::string period;
    std::optional<domain::DateRange> journal; // none with period "none"
    std::vector<SchoolSummary> schools;
};

// Called after each school is written, from the thread that wrote it (never two at once).
using SampleProgress = std::function<void(std::size_t done, std::size_t total)>;

// The periods --period takes.
const std::vector<std::string>& sample_periods();

// Checks the request (exit 64: pupils below 1 or fewer than schools, too many pupils for the
// schools, an unknown period), prepares `out` (exit 73: not a folder, its parent missing, not
// empty without `force`) and writes every school.
SampleSummary generate_sample(const SampleRequest& request, const SampleProgress& progress);

} // namespace schoolctl::app::sample
