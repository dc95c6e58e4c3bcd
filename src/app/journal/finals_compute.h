#pragma once
// `schoolctl finals compute`: the period mark of every pupil in every subject they study in a
// period, the year mark from the period marks, or the final mark from the year mark and the
// exam mark (domain::compute_final_mark). The marks of the period are read in one pass
// ordered by pupil and subject; each (pupil, subject) gets domain::compute_period_mark with its
// subject's scale, the school's grading policy, the period's minimum number of marks and the
// work-type weights configured now. Pupils of a grade taught without marks
// (marks.unmarked_grades, by their class's grade on the period's dates) are left out. A row is written only when its computation changed, so a
// second run reports everything unchanged; an override stays beside the computed mark.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/journal/finals_period.h"
#include "app/session.h"

namespace schoolctl::app {

struct ComputeRequest {
    std::string period;                // Q1 …, "year" or "final" ("exam" is refused: entered)
    std::optional<std::string> klass;  // one class: its pupils of the period
    bool dry_run = false;
};

// Per class of the pupils computed: how many, how many marks, how many «н/а» (final marks).
struct ClassFinals {
    std::string class_name;
    std::size_t pupils = 0;
    std::size_t marks = 0;
    std::size_t not_attested = 0;
    std::size_t overridden = 0;
};

struct ComputeSummary {
    std::string year;
    PeriodChoice period;
    std::size_t created = 0;
    std::size_t updated = 0;
    std::size_t unchanged = 0;
    std::size_t removed = 0;  // rows of pairs the period no longer has
    std::size_t kept = 0;     // such rows kept because a teacher set their mark
    // Pupils left out because their grade is taught without marks (marks.unmarked_grades):
    // no mark is computed for them, not even «н/а», and their old rows are removed.
    std::size_t unmarked = 0;
    std::vector<ClassFinals> classes;  // by grade and letter
    bool dry_run = false;

    std::size_t not_attested() const;
};

// Permission marks.write on the school, or on the class with --class. Refused in a locked period
// (a dry run is not). One transaction; audited (finals.compute) with the counts.
// Errors: exit 78 for a mark whose work type the configuration no longer has (naming the work
// type and the marks), or a subject scale it does not define; exit 65 for a year mark before
// its periods were computed, and for a final mark before the year's; exit 64 for the exam.
ComputeSummary compute_finals(Session& session, const ComputeRequest& request);

}  // namespace schoolctl::app
