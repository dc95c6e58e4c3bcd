#pragma once
// Loading a year's calendar into the database: from a TOML file with the keys of
// schoolctl.toml(5) ([academic_year], [[periods]], [[holidays]], [[bells]], [[production]] —
// the school's config itself will do), or the production calendar alone from a CSV/XLSX file
// (date; kind; name; works as). All or nothing; permission timetable.write; audited.
#include <cstddef>
#include <string>
#include <vector>

#include "app/import/row_source.h"
#include "app/session.h"

namespace schoolctl::app {

struct CalendarImportSummary {
    std::string file;
    std::string year;  // the academic year written, or "" for a production CSV over several
    bool created_year = false;
    std::size_t periods = 0;
    std::size_t holidays = 0;
    std::size_t bell_schedules = 0;
    std::size_t production_days = 0;
    std::vector<std::string> replaced;  // the parts the file replaced: "periods", "holidays", ...
    std::vector<std::string> warnings;
    bool dry_run = false;
};

// Errors: exit 65 listing every problem as FILE:LINE: key: reason; 66 for a missing file.
CalendarImportSummary import_calendar_toml(Session& session, const std::string& file,
                                           bool dry_run);

CalendarImportSummary import_production_calendar(Session& session, const SourceOptions& source,
                                                 bool dry_run);

}  // namespace schoolctl::app
