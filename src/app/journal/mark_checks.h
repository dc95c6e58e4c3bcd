#pragma once
// What every mark given, corrected, removed or imported is checked against, loaded once per
// command or file: who may write marks in which lessons, how far back a teacher may still change
// them (marks.edit_days), the locked periods, each subject's scale, and the work types.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>

#include "app/session.h"
#include "domain/grading.h"
#include "domain/mark_scale.h"
#include "store/calendar.h"
#include "util/error.h"

namespace schoolctl::app {

// A lesson of one pupil as the checks need it.
struct MarkPlace {
    std::int64_t lesson_id = 0;
    std::string date;  // ISO
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // the lesson's class, or
    std::optional<std::int64_t> group_id;  // its group
    std::int64_t pupil_id = 0;
    std::optional<std::int64_t> pupil_class_id;  // the pupil's class on the date
};

// Why a mark may not be written: the field at fault, the reason, and the exit code a single
// command ends with (77 for permission and the edit window, 65 otherwise).
struct MarkRefusal {
    std::string field;
    std::string reason;
    ExitCode code = ExitCode::data;
};

struct MarkSubject {
    std::string code;  // MATH
    std::string name;  // «Математика»
    std::optional<domain::MarkScale> scale;  // none when the configuration lacks its code
    std::string scale_code;
    domain::MarkRules rules;
};

class MarkChecks {
public:
    MarkChecks(Session& session, std::int64_t year_id);

    const store::YearCalendar& year() const { return year_; }
    // Exit-free check that a date lies in the academic year; the reason names its dates.
    std::optional<MarkRefusal> outside_year(const domain::Date& date) const;
    const MarkSubject* subject(std::int64_t subject_id) const;

    // The lesson and pupil as a permission target: the school, the lesson's class (a subgroup's
    // class), its group, the subject and the pupil.
    domain::Target target(const MarkPlace& place) const;
    // «5А, MATH, урок 2, 12.11.2026», as the schedule and attendance name a lesson
    std::string describe(const MarkPlace& place) const;
    // The actor may give, correct or remove a mark here today: marks.write on the lesson, a
    // lesson that took place, within marks.edit_days unless marks.write covers the whole school,
    // and no locked period.
    std::optional<MarkRefusal> may_write(const MarkPlace& place) const;

    // The lesson is of a class whose grade is taught without marks (marks.unmarked_grades): no
    // mark may be given or corrected there (one may still be removed).
    std::optional<MarkRefusal> unmarked(const MarkPlace& place) const;

    // The text as a mark on the subject's scale, «4/3» where the subject allows it.
    std::variant<domain::Mark, MarkRefusal> read_value(std::int64_t subject_id,
                                                       std::string_view text) const;
    // A work type by code or name; "" is the school's default (marks.default_work_type).
    std::variant<const domain::WorkType*, MarkRefusal> read_work_type(std::string_view text) const;
    const domain::WorkType* work_type_by_code(const std::string& code) const;

private:
    std::optional<std::string> locked_period(const MarkPlace& place) const;
    std::string place_name(const MarkPlace& place) const;

    Session& session_;
    store::YearCalendar year_;
    std::string today_;              // ISO
    std::string earliest_editable_;  // ISO: today less marks.edit_days
    bool school_wide_ = false;       // marks.write on the whole school: no edit window
    std::map<std::int64_t, MarkSubject> subjects_;
    std::map<std::int64_t, std::int64_t> group_classes_;  // a subgroup's class
    std::map<std::int64_t, std::string> group_names_;
    std::map<std::int64_t, std::string> class_names_;
    std::map<std::int64_t, int> class_grades_;
    std::set<std::string> locked_;  // period codes
};

// 2026-11-12 -> 12.11.2026
std::string ru_date(const std::string& iso);

}  // namespace schoolctl::app
