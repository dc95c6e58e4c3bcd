#pragma once
// How often a timetable rule gives a lesson: every week, A or B weeks, every N weeks from a
// date, or once. Every answer is computed from the anchor by day arithmetic on sys_days, so one
// date is checked without walking the weeks before it.
//
// Weeks start on Monday. Week A/B: the week containing the rule's week anchor (say, the Monday of
// 1 September) is the 1st week of the count and is week A; the 2nd is B, the 3rd A again. In
// numbers, n = (monday(date) − monday(anchor)) / 7 days, and the week is A when n is even.
// Counted from 1 as people count them, A weeks are the odd ones (1st, 3rd, …: «нечётная»), B
// the even ones («чётная»); weeks before the anchor continue the alternation backwards.
#include "domain/date.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace schoolctl::domain {

enum class Repeat { weekly, week_a, week_b, every_n_weeks, once };

struct Periodicity {
    Repeat repeat = Repeat::weekly;
    int every = 1;              // every_n_weeks: N ≥ 1; 1 for every other kind
    std::optional<Date> anchor; // every_n_weeks: its week is week 0, and nothing comes before it
    std::optional<Date> on;     // once: the date
    std::vector<Date> except;   // no lesson on these dates

    bool operator==(const Periodicity&) const = default;
};

// Why the periodicity cannot be used (N < 1, every N weeks without a date, once without a date,
// a field that belongs to another kind, an impossible date), or nothing.
std::optional<std::string> periodicity_problem(const Periodicity& p);

// The text forms a timetable file uses, case-insensitive:
//   weekly | еженедельно
//   A | А | odd | нечётная           (week A; "weeks" / «недели» may follow the word)
//   B | Б | even | чётная            (week B)
//   every 2 weeks from 07.09.2026 | каждые 2 недели с 07.09.2026
//   once 15.10.2026 | однократно 15.10.2026
// each optionally followed by `except DATE, DATE…` (or «кроме»). Dates are DD.MM.YYYY or
// YYYY-MM-DD. Gives the periodicity, or the reason the text is not one.
std::variant<Periodicity, std::string> parse_periodicity(std::string_view text);

// The canonical English form with ISO dates; parse_periodicity reads it back to the same value.
std::string format_periodicity(const Periodicity& p);

// A rule's dates: its weekday (1 = Monday … 7 = Sunday), the range it is valid in (inclusive),
// its periodicity, and the anchor that decides which weeks are A and which are B.
struct RuleDates {
    int weekday = 1;
    Date valid_from;
    Date valid_to;
    Periodicity periodicity;
    Date week_anchor;
};

// Why the rule can never be expanded as written (weekday out of 1..7, valid_from after
// valid_to, a periodicity problem, a once date outside the valid range), or nothing.
// Whether a once date falls on the rule's weekday needs the calendar (a moved working Saturday
// follows a weekday's timetable): the caller checks it against study_day().
std::optional<std::string> rule_dates_problem(const RuleDates& rule);

// Whether the rule gives a lesson on `day`. The day's timetable weekday is its own weekday; on a
// moved working day pass the weekday it works as. The A/B or every-N week is always the week
// that contains `day` itself.
bool occurs_on(const RuleDates& rule, const Date& day);
bool occurs_on(const RuleDates& rule, const Date& day, int timetable_weekday);

// Whether `day` falls in week A of the count that starts with the week of `week_anchor`.
bool is_week_a(const Date& week_anchor, const Date& day);

// Every day in [from, to] on which the rule occurs (by the days' own weekdays), ascending:
// the first matching week is found by arithmetic, then the dates step by 7·N days.
std::vector<Date> occurrences(const RuleDates& rule, const Date& from, const Date& to);

} // namespace schoolctl::domain
