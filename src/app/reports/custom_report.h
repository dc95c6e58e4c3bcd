#pragma once
// `schoolctl report custom FILE.toml`: a report the school defines — one row per pupil of the
// chosen classes during the dates, with the columns, conditions, sections and order the file
// names, from a fixed catalogue of fields (custom_fields()).
#include <string>
#include <vector>

#include "app/reports/report_scope.h"
#include "app/session.h"
#include "formats/custom_report_spec.h"
#include "report/document.h"

namespace schoolctl::app {

struct CustomField {
    std::string name;   // "missed_ill"
    std::string title;  // «Пропущено по болезни»
    enum class Kind { text, integer, decimal } kind = Kind::text;
    std::string meaning;  // one line for the man page and the error hint
};

// The catalogue, in the man page's order; `mark:CODE` (a subject's period mark) is not listed.
const std::vector<CustomField>& custom_fields();

// Exit 65 naming FILE:LINE: KEY for a field the catalogue lacks (listing the fields), a subject
// code the school lacks, a comparison that does not fit the field (a number for a text field,
// < on text); 64 for a mark column without --period.
report::Document build_custom_report(Session& session, const ReportScope& scope,
                                     const formats::CustomReportSpec& spec);

}  // namespace schoolctl::app
