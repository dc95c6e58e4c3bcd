#include "domain/period_mark.h"

#include <algorithm>

namespace schoolctl::domain {
namespace {

// The marks of a period summed up: the double mark's halves count as two marks of its weight.
struct Tally {
    std::int64_t weighted_sum = 0;
    std::int64_t weight_sum = 0;
    int count = 0;
    int lowest_points = 0; // of the lowest mark (or half of one), for no_five_with_two

    void add(const Mark& mark, int weight) {
        add_points(mark.points, weight);
        if (mark.second_points) {
            add_points(*mark.second_points, weight);
        }
    }

  private:
    void add_points(int points, int weight) {
        weighted_sum += std::int64_t{points} * weight;
        weight_sum += weight;
        lowest_points = count == 0 ? points : std::min(lowest_points, points);
        ++count;
    }
};

std::string marks_text(int count) {
    if (count == 0) {
        return "no marks";
    }
    return std::to_string(count) + (count == 1 ? " mark" : " marks");
}

// Σ points·weight against points·Σweight: which of two symbols the mean is nearer to, exactly.
std::int64_t distance(const Tally& t, const ScaleSymbol& s) {
    std::int64_t d = t.weighted_sum - std::int64_t{s.points} * t.weight_sum;
    return d < 0 ? -d : d;
}

// The nearest of `candidates` (any order), a tie going to the higher; appends why to `reason`.
const ScaleSymbol* nearest(const Tally& t, const std::vector<const ScaleSymbol*>& candidates,
                           const std::string& mean, std::string& reason) {
    const ScaleSymbol* best = nullptr;
    const ScaleSymbol* tied = nullptr;
    for (const ScaleSymbol* s : candidates) {
        if (best == nullptr || distance(t, *s) < distance(t, *best)) {
            best = s;
            tied = nullptr;
        } else if (distance(t, *s) == distance(t, *best) && s->points != best->points) {
            const ScaleSymbol* lower = s->points < best->points ? s : best;
            best = s->points < best->points ? best : s;
            tied = lower;
        }
    }
    if (tied != nullptr) {
        reason += mean + " is halfway between " + tied->symbol + " and " + best->symbol;
    } else {
        reason += mean + " is nearest to " + best->symbol;
    }
    return best;
}

std::vector<const ScaleSymbol*> all_symbols(const MarkScale& scale) {
    std::vector<const ScaleSymbol*> out;
    for (const auto& s : scale.symbols) {
        out.push_back(&s);
    }
    return out;
}

std::string thresholds_text(const std::vector<Threshold>& thresholds) {
    std::string out = "thresholds ";
    for (std::size_t i = 0; i < thresholds.size(); ++i) {
        out += (i ? ", " : "") + thresholds[i].symbol + " ≥ " + format_points(thresholds[i].from);
    }
    return out;
}

// The school's table, highest first; below the lowest threshold, the symbols below it are
// rounded half up (a «2» and, where the school allows it, a «1»).
const ScaleSymbol* by_thresholds(const Tally& t, const MarkScale& scale,
                                 const std::vector<Threshold>& thresholds, std::string& reason) {
    std::string mean = format_points(static_cast<int>(t.weighted_sum / t.weight_sum));
    reason = thresholds_text(thresholds) + ": ";
    const Threshold* missed = nullptr;
    for (const auto& threshold : thresholds) {
        const ScaleSymbol* s = scale.find(threshold.symbol);
        if (s == nullptr) {
            continue;
        }
        if (t.weighted_sum >= std::int64_t{threshold.from} * t.weight_sum) {
            reason += mean + (missed == nullptr ? " ≥ " + format_points(threshold.from)
                                                : " < " + format_points(missed->from));
            return s;
        }
        missed = &threshold;
    }
    int floor_points = scale.symbols.front().points + 1;
    if (missed != nullptr) {
        floor_points = scale.find(missed->symbol)->points;
        reason += mean + " < " + format_points(missed->from);
    }
    std::vector<const ScaleSymbol*> below;
    for (const auto& s : scale.symbols) {
        if (s.points < floor_points) {
            below.push_back(&s);
        }
    }
    if (below.empty()) { // the lowest symbol has a threshold of its own: nothing lies below it
        return &*std::min_element(
            scale.symbols.begin(), scale.symbols.end(),
            [](const ScaleSymbol& a, const ScaleSymbol& b) { return a.points < b.points; });
    }
    if (below.size() == 1) {
        return below.front();
    }
    reason += missed != nullptr ? "; " : "";
    return nearest(t, below, mean, reason);
}

// "3" for 300 on the five-point scale; the number itself on a scale without that value.
std::string symbol_of(const MarkScale& scale, int points) {
    for (const auto& s : scale.symbols) {
        if (s.points == points) {
            return s.symbol;
        }
    }
    return format_points(points);
}

// The symbol for the mean of a tally that has marks; `what` says where a low mark sits, for the
// no_five_with_two rule ("the period", "a period").
PeriodMark round_tally(const Tally& t, const MarkScale& scale, const GradingPolicy& policy,
                       std::string_view what) {
    PeriodMark out;
    out.outcome = PeriodMark::Outcome::mark;
    out.count = t.count;
    out.weighted_sum = t.weighted_sum;
    out.weight_sum = t.weight_sum;
    out.mean = static_cast<int>(t.weighted_sum / t.weight_sum);
    const ScaleSymbol* chosen = nullptr;
    if (policy.rounding == Rounding::thresholds && scale.uses_thresholds &&
        !policy.thresholds.empty()) {
        chosen = by_thresholds(t, scale, policy.thresholds, out.reason);
    } else {
        out.reason = "nearest mark, halves up: ";
        chosen = nearest(t, all_symbols(scale), format_points(*out.mean), out.reason);
    }
    out.reason += ", so " + chosen->symbol;
    // The rule is the five-point scale's: a «5» is refused when a «2» stands beside it.
    if (policy.no_five_with_two && scale.uses_thresholds && scale.symbols.size() > 1 &&
        chosen == &scale.symbols.front() && t.lowest_points < scale.pass_points) {
        chosen = &scale.symbols[1];
        out.reason += "; but " + std::string{what} + " has a " + symbol_of(scale, t.lowest_points) +
                      " (no " + scale.symbols.front().symbol + " with a mark below " +
                      symbol_of(scale, scale.pass_points) + "), so " + chosen->symbol;
    }
    out.symbol = chosen->symbol;
    return out;
}

PeriodMark no_marks(const MarkScale& scale) {
    PeriodMark out;
    out.outcome = PeriodMark::Outcome::no_marks;
    out.reason = "the " + scale.code + " scale takes no marks";
    return out;
}

PeriodMark special(PeriodMark::Outcome outcome, const Tally& t, std::string reason) {
    PeriodMark out;
    out.outcome = outcome;
    out.symbol = outcome == PeriodMark::Outcome::exempt ? "осв" : "н/а";
    out.count = t.count;
    out.weighted_sum = t.weighted_sum;
    out.weight_sum = t.weight_sum;
    if (t.weight_sum > 0) {
        out.mean = static_cast<int>(t.weighted_sum / t.weight_sum);
    }
    out.reason = std::move(reason) + ": " + out.symbol;
    return out;
}

} // namespace

std::string rounding_name(Rounding rounding) {
    return rounding == Rounding::thresholds ? "thresholds" : "half_up";
}

std::optional<Rounding> parse_rounding(std::string_view text) {
    if (text == "half_up") {
        return Rounding::half_up;
    }
    if (text == "thresholds") {
        return Rounding::thresholds;
    }
    return std::nullopt;
}

PeriodMark compute_period_mark(std::span<const WeightedMark> marks, const MarkScale& scale,
                               const GradingPolicy& policy, std::optional<int> min_marks) {
    if (!scale.takes_marks()) {
        return no_marks(scale);
    }
    Tally t;
    for (const auto& m : marks) {
        if (m.mark.counts()) {
            t.add(m.mark, m.weight);
        }
    }
    int needed = min_marks.value_or(policy.min_marks);
    if (t.count == 0 || t.count < needed) {
        return special(PeriodMark::Outcome::not_attested, t,
                       marks_text(t.count) + ", " + std::to_string(needed) + " needed");
    }
    return round_tally(t, scale, policy, "the period");
}

PeriodMark compute_year_mark(std::span<const Mark> period_marks, const MarkScale& scale,
                             const GradingPolicy& policy) {
    if (!scale.takes_marks()) {
        return no_marks(scale);
    }
    Tally t;
    bool all_exempt = !period_marks.empty();
    for (const auto& m : period_marks) {
        if (m.kind == Mark::Kind::not_attested) {
            return special(PeriodMark::Outcome::not_attested, Tally{},
                           "a period is н/а (an academic debt)");
        }
        all_exempt = all_exempt && m.kind == Mark::Kind::exempt;
        if (m.counts()) {
            t.add(m, 1);
        }
    }
    if (all_exempt) {
        return special(PeriodMark::Outcome::exempt, t, "every period is осв");
    }
    if (t.count == 0) {
        return special(PeriodMark::Outcome::not_attested, t, "no period marks");
    }
    return round_tally(t, scale, policy, "a period");
}

PeriodMark compute_final_mark(const Mark& year, const std::optional<Mark>& exam,
                              const MarkScale& scale) {
    if (!scale.takes_marks()) {
        return no_marks(scale);
    }
    if (year.kind == Mark::Kind::not_attested) {
        return special(PeriodMark::Outcome::not_attested, Tally{},
                       "the year is н/а (an academic debt)");
    }
    Tally t;
    if (year.counts()) {
        t.add(year, 1);
    }
    if (exam && exam->kind == Mark::Kind::not_attested) {
        return special(PeriodMark::Outcome::not_attested, t, "the exam is н/а");
    }
    const bool sat_exam = exam && exam->counts();
    if (!sat_exam) {
        if (year.kind == Mark::Kind::exempt) {
            return special(PeriodMark::Outcome::exempt, t, "the year is осв");
        }
        PeriodMark out = round_tally(t, scale, GradingPolicy{}, "the year");
        out.symbol = year.text;  // the year mark itself, «4/3» included
        out.reason = std::string(exam ? "exempt from the exam" : "no exam") +
                     ": the year mark, " + year.text;
        return out;
    }
    if (exam->points < scale.pass_points) {
        Tally e;
        e.add(*exam, 1);
        PeriodMark out = round_tally(e, scale, GradingPolicy{}, "the exam");
        out.symbol = exam->text;
        out.reason = "the exam mark " + exam->text + " is below " +
                     symbol_of(scale, scale.pass_points) + ": it stands until a retake, so " +
                     exam->text;
        return out;
    }
    if (year.kind == Mark::Kind::exempt) {
        t.add(*exam, 1);
        PeriodMark out = round_tally(t, scale, GradingPolicy{}, "the exam");
        out.symbol = exam->text;
        out.reason = "the year is осв: the exam mark, " + exam->text;
        return out;
    }
    t.add(*exam, 1);
    PeriodMark out = round_tally(t, scale, GradingPolicy{}, "the year or the exam");
    out.reason = "mean of the year " + year.text + " and the exam " + exam->text + ", " +
                 out.reason;
    return out;
}

} // namespace schoolctl::domain
