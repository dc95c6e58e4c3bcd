#pragma once
// The school's rules that turn a period's marks into the period mark, and period marks into the
// year mark (DOMAIN.md «Marks»). Everything is integer arithmetic on hundredths: the weighted
// mean is compared with a threshold as Σ(points·weight) ≥ threshold·Σweight, never as a float,
// so 4.4999… cannot happen and 4.60 is 4.60.
//
// The mean shown to people is Σ(points·weight) / Σweight truncated to hundredths (never rounded
// up), so a mean shown as 4.59 is always below a threshold of 4.60, as the decision was.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "domain/mark_scale.h"

namespace schoolctl::domain {

enum class Rounding {
    half_up,     // the nearest symbol, halves up: 4.50 → 5, 3.49 → 3
    thresholds,  // the school's table: 5 from 4.60, 4 from 3.60, 3 from 2.60
};

struct Threshold {
    std::string symbol;  // "5"
    int from = 0;        // 460: a mean of 4.60 or more gives it
    bool operator==(const Threshold&) const = default;
};

struct GradingPolicy {
    Rounding rounding = Rounding::half_up;
    // Highest first. Used for scales with uses_thresholds (the five-point scale) when rounding
    // is `thresholds`; below the lowest, the symbols below it are rounded half up.
    std::vector<Threshold> thresholds = {{"5", 460}, {"4", 360}, {"3", 260}};
    int min_marks = 3;              // fewer counted marks in a period → «н/а»
    bool no_five_with_two = false;  // no period «5» when the period holds a mark below passing

    bool operator==(const GradingPolicy&) const = default;
};

// "half_up" / "thresholds"; parse gives nothing for anything else.
std::string rounding_name(Rounding rounding);
std::optional<Rounding> parse_rounding(std::string_view text);

struct WeightedMark {
    Mark mark;
    int weight = 1;
};

struct PeriodMark {
    enum class Outcome {
        mark,          // a symbol of the scale
        not_attested,  // «н/а»: too few marks
        exempt,        // «осв»: every mark of the period says so (year marks only)
        no_marks,      // the scale takes no marks: nothing to compute
    };
    Outcome outcome = Outcome::no_marks;
    std::string symbol;  // the mark: "5", "зач"; "н/а", "осв"; "" for no_marks
    int count = 0;       // marks counted; «4/3» counts as two
    std::int64_t weighted_sum = 0;  // Σ points·weight, in hundredths
    std::int64_t weight_sum = 0;    // Σ weight
    std::optional<int> mean;        // truncated hundredths; none without counted marks
    // Why, in words, for `finals explain`: the rule and the threshold it met or missed, e.g.
    // "thresholds 5 ≥ 4.60, 4 ≥ 3.60, 3 ≥ 2.60: 4.59 < 4.60, so 4".
    std::string reason;

    bool operator==(const PeriodMark&) const = default;
};

// The period mark of these marks (those that do not count, like a stray «н/а», are skipped) on
// `scale` by `policy`, with `min_marks` in place of the policy's when the period has its own.
PeriodMark compute_period_mark(std::span<const WeightedMark> marks, const MarkScale& scale,
                               const GradingPolicy& policy,
                               std::optional<int> min_marks = std::nullopt);

// The year mark from the final marks of the periods, in order: their plain mean, rounded the same
// way. Any «н/а» makes the year «н/а» (an academic debt to clear first); all «осв» make it «осв»;
// no period mark at all gives «н/а».
PeriodMark compute_year_mark(std::span<const Mark> period_marks, const MarkScale& scale,
                             const GradingPolicy& policy);

// The final mark (итоговая) from the year mark and the exam mark, where the subject had an exam
// (DOMAIN.md «Printed forms»: year, exam, final). Without an exam it is the year mark. With one
// it is the plain mean of the two rounded half up, whatever the school's period rounding: the
// certificate's rule is «среднее арифметическое годовой и экзаменационной отметок … по
// правилам математического округления». A failed exam gives its own mark (a retake replaces it);
// a year «н/а» or an exam «н/а» gives «н/а»; exempt from the exam («осв»), the year mark stands.
PeriodMark compute_final_mark(const Mark& year, const std::optional<Mark>& exam,
                              const MarkScale& scale);

}  // namespace schoolctl::domain
