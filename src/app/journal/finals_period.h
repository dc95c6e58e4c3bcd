#pragma once
// What the finals commands are about: a period of the current academic year (or the year
// itself), a subject with its scale, and one pupil's subject as a permission target.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "app/session.h"
#include "domain/mark_scale.h"
#include "domain/settings.h"

namespace schoolctl::app {

// The period code of the year mark, beside the school's own codes (Q1, H2, T3).
inline constexpr std::string_view year_period = "year";
// The exam mark, entered by the teacher (`finals set`), and the final mark made of the year
// and exam marks (`finals compute`): the last columns of the сводная ведомость.
inline constexpr std::string_view exam_period = "exam";
inline constexpr std::string_view final_period = "final";

struct PeriodChoice {
    std::int64_t year_id = 0;
    std::string year_name;  // «2026/27»
    domain::DateRange year_dates;
    std::string code;  // "Q1", or "year", "exam", "final"
    std::string name;  // «1 четверть», «год», «экзамен», «итоговая»
    // A period's definitions: usually one, or one per set of grades when grades differ in
    // dates. Empty for the year, the exam and the final mark.
    std::vector<domain::AttestationPeriod> definitions;
    // Every period of the year, by start date: what the year mark is made of.
    std::vector<domain::AttestationPeriod> all_periods;
    domain::DateRange dates;  // from the first start to the last end; the year's for the year

    bool is_year() const { return code == year_period; }
    bool is_exam() const { return code == exam_period; }
    bool is_final() const { return code == final_period; }
    // The year, the exam or the final mark: a mark of the whole year, not of a period's lessons.
    bool of_whole_year() const { return definitions.empty(); }
    // «Q1 (1 четверть, 01.09.2026–23.10.2026)», «year (2026/27)».
    std::string label() const;
};

// `--period`: a period code of the current academic year (any case) or "year", and with
// `exam_and_final` also "exam" or "final". Exit 64 for anything else, naming the codes there are.
PeriodChoice select_period(Session& session, const std::string& text,
                           bool exam_and_final = false);

// The definition of a period that applies to a grade: one that names the grade before one for
// every grade; nullptr when the grade has no such period.
const domain::AttestationPeriod* definition_for_grade(
    const std::vector<domain::AttestationPeriod>& definitions, int grade);

// The periods a grade is attested in, in date order, one per code (Q1–Q4, or H1–H2).
std::vector<const domain::AttestationPeriod*> periods_of_grade(
    const std::vector<domain::AttestationPeriod>& all, int grade);

struct SubjectChoice {
    std::int64_t id = 0;
    std::string code;   // MATH
    std::string name;   // «Математика»
    std::string scale;  // the scale's code
};

// `--subject`: a subject of the school by code or name, any case, ё as е. Exit 65 naming the
// codes when there is none.
SubjectChoice select_subject(Session& session, const std::string& text);

// The scale a subject's code names, from the configuration; exit 78 for a code it lacks.
domain::MarkScale scale_for(const domain::Settings& settings, const std::string& subject_code,
                            const std::string& scale_code);

// One pupil's marks in one subject, as a permission target: the pupil with their class and
// groups today, and the subject.
domain::Target pupil_subject_target(Session& session, std::int64_t pupil_id,
                                    std::int64_t subject_id);

// Exit 65 when the period is locked, saying since when, by whom and how to unlock it.
void refuse_locked(Session& session, const PeriodChoice& period, const std::string& doing);

}  // namespace schoolctl::app
