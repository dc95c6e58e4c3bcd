#pragma once
// The final marks of a class as the period forms show them: which subjects have marks, and each
// pupil's mark per subject and period. Shared by the performance sheet, the class summary and
// the report card.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "app/reports/report_scope.h"
#include "app/session.h"
#include "domain/indicators.h"
#include "report/document.h"
#include "store/subjects.h"

namespace schoolctl::app {

class PeriodMarksGrid {
public:
    // The final marks of `periods` ("Q1", "year", …) of the scope's year, for every pupil.
    PeriodMarksGrid(Session& session, const ReportScope& scope,
                    const std::vector<std::string>& periods);

    // The final mark, "" when none.
    const std::string& mark(std::int64_t pupil_id, std::int64_t subject_id,
                            const std::string& period) const;
    // The school's subjects (in the school's order) in which any of the pupils has a mark.
    std::vector<store::SubjectRow> subjects_of(const std::vector<std::int64_t>& pupils) const;
    // The same for pupils of one class of `grade`: none for a grade taught without marks
    // (marks.unmarked_grades), whatever a teacher's override from before stored.
    std::vector<store::SubjectRow> subjects_of(const std::vector<std::int64_t>& pupils,
                                               int grade) const;

private:
    struct Entry {
        std::int64_t subject_id = 0;
        std::size_t period = 0;  // index into periods_
        std::string value;
    };
    const domain::Settings& settings_;
    std::vector<std::string> periods_;
    // By pupil: a pupil's dozen subjects × few periods are scanned, not a school-wide map.
    std::unordered_map<std::int64_t, std::vector<Entry>> marks_;
    std::vector<store::SubjectRow> subjects_;
};

// The note under a class of a grade taught without marks.
std::string unmarked_note(const Words& w, int grade);

// The highlight of a column of final marks: what fails (2, 1, «н/а», «незач»).
report::Highlight failing_marks();

// A document with the school, the time, the year and the dates (the class's dates when the
// scope has one class) filled in.
report::Document period_document(const Session& session, const ReportScope& scope,
                                 std::string kind, std::string title);

// A section for the k-th class of the scope: keyed and headed by the class, with the class's
// own dates when they differ from the document's, and its class teacher.
report::Section& class_section(report::Document& doc, const ReportScope& scope, std::size_t k);

// «I», «II», … for the n-th (from 1) period of a grade.
std::string roman(std::size_t n);

// A number in hundredths as a report decimal: 9200 → 92.00.
report::Cell hundredths_cell(const std::optional<std::int64_t>& value);

}  // namespace schoolctl::app
