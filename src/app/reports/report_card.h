#pragma once
// `schoolctl report report-card`: the табель of each pupil — the subjects down, the marks of each
// period of the pupil's grade and the year across, the absences of the dates and the teachers'
// remarks — one section per pupil, so a class prints as one file and splits into one file per
// pupil.
#include <functional>
#include <string>
#include <vector>

#include "app/reports/report_scope.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct ReportCards {
    report::Document document;        // one section per pupil, class by class
    std::vector<std::string> file_keys;  // per section: what a file of its own is named after
};

// The pupils who were in the scope's classes during its dates, in alphabetical order per class.
ReportCards build_report_cards(Session& session, const ReportScope& scope);

// The same, a class at a time: `each_class` gets each class's cards (the document's heading as
// above, with that class's sections) as soon as they are built, so that they can be written
// while the next class is built.
void build_report_cards(
    Session& session, const ReportScope& scope,
    const std::function<void(ReportCards&& cards, const std::string& class_name)>& each_class);

}  // namespace schoolctl::app
