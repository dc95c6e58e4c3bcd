#include "app/import/timetable_clashes.h"

#include <algorithm>
#include <map>
#include <tuple>

#include "app/school_calendar.h"
#include "domain/periodicity.h"
#include "domain/weekday.h"
#include "store/timetable.h"

namespace schoolctl::app {
namespace {

using domain::Date;

// The first date both rules give a lesson on, if any.
std::optional<Date> first_common(const domain::RuleDates& a, const domain::RuleDates& b) {
    Date from = std::max(a.valid_from, b.valid_from);
    Date to = std::min(a.valid_to, b.valid_to);
    if (to < from) {
        return std::nullopt;
    }
    for (const Date& d : domain::occurrences(a, from, to)) {
        if (domain::occurs_on(b, d)) {
            return d;
        }
    }
    return std::nullopt;
}

}  // namespace

std::vector<std::pair<std::size_t, RowProblem>> timetable_clashes(ImportRun& run,
                                                                 const TimetableTargets& targets,
                                                                 const Date& week_a) {
    using Slot = std::tuple<std::int64_t, std::int64_t, int, int>;
    std::map<Slot, std::vector<store::RuleRow>> by_slot;
    for (auto& r : store::list_rules(run.db(), run.year().id)) {
        Slot slot{r.class_id.value_or(0), r.group_id.value_or(0), r.weekday, r.lesson_no};
        by_slot[slot].push_back(std::move(r));
    }
    std::vector<std::pair<std::size_t, RowProblem>> out;
    for (const auto& [slot, rules] : by_slot) {
        for (std::size_t j = 1; j < rules.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                auto line_i = run.claimed_by(rules[i].id), line_j = run.claimed_by(rules[j].id);
                if (!line_i && !line_j) {
                    continue;  // neither is this file's: not its problem
                }
                auto common =
                    first_common(rule_dates(rules[i], week_a), rule_dates(rules[j], week_a));
                if (!common) {
                    continue;
                }
                const store::RuleRow& later = !line_j || (line_i && *line_i > *line_j)
                                                  ? rules[i] : rules[j];
                const store::RuleRow& other = &later == &rules[i] ? rules[j] : rules[i];
                std::size_t line = *run.claimed_by(later.id);
                auto other_line = run.claimed_by(other.id);
                std::string whose = other_line ? "line " + std::to_string(*other_line)
                                               : "a rule already in the timetable (from " +
                                                     other.source + ")";
                out.push_back(
                    {line,
                     RowProblem{"lesson", "clashes with " + whose + ": both give " +
                                              targets.of(later).name + " lesson " +
                                              std::to_string(later.lesson_no) + " on " +
                                              domain::weekday_name(later.weekday) + ", first on " +
                                              domain::format_ru(*common)}});
            }
        }
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    return out;
}

}  // namespace schoolctl::app
