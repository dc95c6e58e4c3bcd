#pragma once
// The school's grading configuration applied to one subject or mark: which scale a subject's
// scale code means, which work types exist and what they weigh, whether a subject takes «4/3».
#include <optional>
#include <string>
#include <string_view>

#include "domain/indicators.h"
#include "domain/mark_scale.h"
#include "domain/settings.h"

namespace schoolctl::domain {

// A built-in scale (five_point honours marks.five_point_allows_one) or one of [[scales]].
std::optional<MarkScale> scale_of(const Settings& settings, std::string_view code);

// Every scale code the school can use: the built-in ones, then its own.
std::vector<std::string> scale_codes(const Settings& settings);

// The work type by code or name, any case («test», «Контрольная работа»); nullptr if none.
const WorkType* find_work_type(const Settings& settings, std::string_view text);

// "answer (1), homework (1), test (3)" for the hint after an unknown work type.
std::string work_types_text(const Settings& settings);

// Whether the grade is taught without marks (marks.unmarked_grades): its pupils get no lesson,
// period or year marks, and count in no mark indicator.
bool taught_without_marks(const Settings& settings, int grade);

// How the grade's pupils count in the mark indicators: `unmarked` when taught without marks.
Marking marking_of(const Settings& settings, int grade);

// «1» or «1, 2» for messages that name the grades taught without marks.
std::string unmarked_grades_text(const Settings& settings);

// What a subject with this code allows in a lesson mark (doubles where marks.double_mark_subjects
// names it) and in a period mark (doubles never; «н/а» and «осв» always).
MarkRules lesson_mark_rules(const Settings& settings, std::string_view subject_code);
MarkRules final_mark_rules();

}  // namespace schoolctl::domain
