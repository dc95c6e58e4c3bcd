#pragma once
// A OneRoster bundle turned into the roster files schoolctl imports: the same tables a school
// would send as CSV (subjects, staff, classes, students, guardians, groups, assignments), each
// row keeping the file and line of the record it came from. Importing a bundle is then the
// ordinary import of those tables, with every check, match and audit the CSV files get.
//
// The mapping (DOMAIN.md): the school's org; courses -> subjects (code: courseCode, else the
// course's sourcedId; name: title); homeroom classes -> classes (the title, else the
// classCode, is the class name; the teacher enrolled is the class teacher); users -> pupils,
// staff and guardians by their role in the school, sourcedId as the id, middleName as the
// patronymic, birth dates from demographics; agentSourcedIds (either side) -> guardian links;
// scheduled classes -> who teaches what: a section with the very pupils of one homeroom is that
// class, any other is a group (a subgroup when its pupils are all of one class, else a stream).
#include <map>
#include <string>
#include <vector>

#include "formats/csv_reader.h"
#include "app/import/pipeline.h"
#include "formats/oneroster_bundle.h"

namespace schoolctl::app {

struct BundleTable {
    std::string kind;                 // the importer: "students"
    std::string file;                 // the bundle's file the rows come from: "users.csv"
    std::vector<std::string> header;  // the importer's field names
    std::vector<formats::CsvRecord> rows;  // line = the record's line in `file`
    // Rows the mapping already knows to be wrong, by line: rejected with this reason before
    // the importer sees them (a pupil enrolled in no homeroom has no class to be put in).
    std::map<std::size_t, RowProblem> problems;
};

// The school's org: `org` when given (its sourcedId), else the bundle's only org of type
// school. Error(usage) listing the schools when there are several, Error(data) when none.
const formats::OneRosterOrg& choose_school(const formats::OneRosterBundle& bundle,
                                           const std::string& org);

// The tables in the order they must be imported (each refers to those before it).
std::vector<BundleTable> bundle_tables(const formats::OneRosterBundle& bundle,
                                       const formats::OneRosterOrg& school);

}  // namespace schoolctl::app
