#include "domain/periodicity.h"

#include "domain/person_name.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>

namespace schoolctl::domain {
namespace {

using std::chrono::days;
using std::chrono::sys_days;

int iso_weekday(sys_days d) {
    return static_cast<int>(std::chrono::weekday{d}.iso_encoding());
}

sys_days monday_of(sys_days d) {
    return d - days{iso_weekday(d) - 1};
}

// Whole weeks from the anchor's week to d's week; negative before it.
std::int64_t week_index(sys_days d, sys_days anchor) {
    return static_cast<std::int64_t>((monday_of(d) - monday_of(anchor)).count()) / 7;
}

std::int64_t floor_mod(std::int64_t a, std::int64_t n) {
    return ((a % n) + n) % n;
}

// The weeks a repeating rule occurs in: those whose index from `origin`'s week is
// `residue` modulo `step`.
struct WeekCycle {
    std::int64_t step = 1;
    std::int64_t residue = 0;
    sys_days origin;
};

WeekCycle cycle_of(const RuleDates& rule) {
    const Periodicity& p = rule.periodicity;
    switch (p.repeat) {
    case Repeat::week_a:
        return {2, 0, sys_days{rule.week_anchor}};
    case Repeat::week_b:
        return {2, 1, sys_days{rule.week_anchor}};
    case Repeat::every_n_weeks:
        return {p.every, 0, sys_days{*p.anchor}};
    case Repeat::weekly:
    case Repeat::once:
        break;
    }
    return {1, 0, sys_days{rule.week_anchor}};
}

// The cheap part of the checks, enough for the arithmetic to be defined.
bool computable(const RuleDates& rule) {
    const Periodicity& p = rule.periodicity;
    if (rule.weekday < 1 || rule.weekday > 7 || !rule.valid_from.ok() || !rule.valid_to.ok() ||
        !rule.week_anchor.ok()) {
        return false;
    }
    switch (p.repeat) {
    case Repeat::every_n_weeks:
        return p.every >= 1 && p.anchor && p.anchor->ok();
    case Repeat::once:
        return p.on && p.on->ok();
    case Repeat::weekly:
    case Repeat::week_a:
    case Repeat::week_b:
        break;
    }
    return true;
}

bool excepted(const Periodicity& p, const Date& day) {
    return std::find(p.except.begin(), p.except.end(), day) != p.except.end();
}

std::string repeat_name(const Periodicity& p) {
    switch (p.repeat) {
    case Repeat::weekly:
        return "weekly";
    case Repeat::week_a:
        return "week A";
    case Repeat::week_b:
        return "week B";
    case Repeat::every_n_weeks:
        return "every N weeks";
    case Repeat::once:
        return "once";
    }
    return "?";
}

// Words of the text forms, already through match_key (lower case, ё → е).
bool one_of(const std::string& word, std::initializer_list<std::string_view> forms) {
    return std::find(forms.begin(), forms.end(), word) != forms.end();
}

std::vector<std::string> words_of(std::string_view key) {
    std::vector<std::string> words;
    std::string word;
    for (char ch : key) {
        if (ch == ' ' || ch == ',' || ch == ';') {
            if (!word.empty()) {
                words.push_back(std::move(word));
                word.clear();
            }
        } else {
            word.push_back(ch);
        }
    }
    if (!word.empty()) {
        words.push_back(std::move(word));
    }
    return words;
}

std::variant<Date, std::string> date_word(const std::string& word) {
    if (auto d = parse_date(word)) {
        return *d;
    }
    return "\"" + word + "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)";
}

// N of "every N weeks": up to three digits (a timetable has no period of 1000 weeks).
std::optional<int> count_word(const std::string& word) {
    if (word.empty() || word.size() > 3 ||
        !std::all_of(word.begin(), word.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
        return std::nullopt;
    }
    return std::stoi(word);
}

// The kind part of the text (before "except"). Nothing when the words are no known form.
std::optional<std::variant<Periodicity, std::string>>
parse_kind(const std::vector<std::string>& w) {
    const auto with = [](Repeat r) {
        Periodicity p;
        p.repeat = r;
        return std::variant<Periodicity, std::string>{p};
    };
    const auto week_word = [](const std::string& word) {
        return one_of(word, {"week", "weeks", "неделя", "недели"});
    };
    const bool one_or_week = w.size() == 1 || (w.size() == 2 && week_word(w[1]));
    if ((w.size() == 1 && one_of(w[0], {"weekly", "еженедельно"})) ||
        (w.size() == 2 &&
         ((w[0] == "every" && w[1] == "week") || (w[0] == "каждую" && w[1] == "неделю")))) {
        return with(Repeat::weekly);
    }
    if (one_or_week && one_of(w[0], {"a", "а", "odd", "нечетная", "нечетные"})) {
        return with(Repeat::week_a);
    }
    if (one_or_week && one_of(w[0], {"b", "б", "even", "четная", "четные"})) {
        return with(Repeat::week_b);
    }
    const bool every_en =
        w.size() == 5 && w[0] == "every" && one_of(w[2], {"week", "weeks"}) && w[3] == "from";
    const bool every_ru =
        w.size() == 5 && w[0] == "каждые" && one_of(w[2], {"недели", "недель"}) && w[3] == "с";
    if (every_en || every_ru) {
        const auto n = count_word(w[1]);
        if (!n) {
            return std::variant<Periodicity, std::string>{"\"" + w[1] +
                                                          "\" is not a number of weeks"};
        }
        auto from = date_word(w[4]);
        if (auto* error = std::get_if<std::string>(&from)) {
            return std::variant<Periodicity, std::string>{*error};
        }
        Periodicity p;
        p.repeat = Repeat::every_n_weeks;
        p.every = *n;
        p.anchor = std::get<Date>(from);
        return std::variant<Periodicity, std::string>{p};
    }
    const bool once = (w.size() == 2 && one_of(w[0], {"once", "однократно", "разово"})) ||
                      (w.size() == 3 && w[0] == "once" && w[1] == "on");
    if (once) {
        auto on = date_word(w.back());
        if (auto* error = std::get_if<std::string>(&on)) {
            return std::variant<Periodicity, std::string>{*error};
        }
        Periodicity p;
        p.repeat = Repeat::once;
        p.on = std::get<Date>(on);
        return std::variant<Periodicity, std::string>{p};
    }
    return std::nullopt;
}

} // namespace

std::optional<std::string> periodicity_problem(const Periodicity& p) {
    const bool every_n = p.repeat == Repeat::every_n_weeks;
    const bool once = p.repeat == Repeat::once;
    if (every_n && p.every < 1) {
        return "every N weeks needs N of at least 1, not " + std::to_string(p.every);
    }
    if (every_n && !p.anchor) {
        return "every " + std::to_string(p.every) + " weeks needs the date it counts from";
    }
    if (once && !p.on) {
        return "once needs its date";
    }
    if (!every_n && p.every != 1) {
        return repeat_name(p) + " has no N (every = " + std::to_string(p.every) +
               "); only every N weeks does";
    }
    if (!every_n && p.anchor) {
        return repeat_name(p) + " has no start date (" + format_ru(*p.anchor) +
               "); only every N weeks does";
    }
    if (!once && p.on) {
        return repeat_name(p) + " has no single date (" + format_ru(*p.on) + "); only once does";
    }
    std::vector<Date> dates = p.except;
    for (const auto& d : {p.anchor, p.on}) {
        if (d) {
            dates.push_back(*d);
        }
    }
    for (const Date& d : dates) {
        if (!d.ok()) {
            return format_iso(d) + " is not a date";
        }
    }
    return std::nullopt;
}

std::optional<std::string> rule_dates_problem(const RuleDates& rule) {
    if (rule.weekday < 1 || rule.weekday > 7) {
        return "weekday " + std::to_string(rule.weekday) +
               " is not between 1 (Monday) and 7 (Sunday)";
    }
    for (const Date& d : {rule.valid_from, rule.valid_to, rule.week_anchor}) {
        if (!d.ok()) {
            return format_iso(d) + " is not a date";
        }
    }
    if (sys_days{rule.valid_from} > sys_days{rule.valid_to}) {
        return "the rule is valid from " + format_ru(rule.valid_from) + " to " +
               format_ru(rule.valid_to) + ": it starts after it ends";
    }
    if (auto problem = periodicity_problem(rule.periodicity)) {
        return problem;
    }
    const Periodicity& p = rule.periodicity;
    if (p.repeat == Repeat::once && (sys_days{*p.on} < sys_days{rule.valid_from} ||
                                     sys_days{*p.on} > sys_days{rule.valid_to})) {
        return "once " + format_ru(*p.on) + " is outside the rule's dates " +
               format_ru(rule.valid_from) + "–" + format_ru(rule.valid_to);
    }
    if (p.repeat == Repeat::every_n_weeks && sys_days{*p.anchor} > sys_days{rule.valid_to}) {
        return "every " + std::to_string(p.every) + " weeks from " + format_ru(*p.anchor) +
               " starts after the rule ends on " + format_ru(rule.valid_to);
    }
    return std::nullopt;
}

bool is_week_a(const Date& week_anchor, const Date& day) {
    return floor_mod(week_index(sys_days{day}, sys_days{week_anchor}), 2) == 0;
}

bool occurs_on(const RuleDates& rule, const Date& day) {
    return day.ok() && occurs_on(rule, day, iso_weekday(sys_days{day}));
}

bool occurs_on(const RuleDates& rule, const Date& day, int timetable_weekday) {
    if (!day.ok() || !computable(rule) || timetable_weekday != rule.weekday) {
        return false;
    }
    const sys_days d{day};
    const Periodicity& p = rule.periodicity;
    if (d < sys_days{rule.valid_from} || d > sys_days{rule.valid_to} || excepted(p, day)) {
        return false;
    }
    if (p.repeat == Repeat::once) {
        return day == *p.on;
    }
    if (p.repeat == Repeat::every_n_weeks && d < sys_days{*p.anchor}) {
        return false;
    }
    const WeekCycle c = cycle_of(rule);
    return floor_mod(week_index(d, c.origin) - c.residue, c.step) == 0;
}

std::vector<Date> occurrences(const RuleDates& rule, const Date& from, const Date& to) {
    std::vector<Date> out;
    if (!from.ok() || !to.ok() || !computable(rule)) {
        return out;
    }
    const Periodicity& p = rule.periodicity;
    if (p.repeat == Repeat::once) {
        const sys_days on{*p.on};
        if (on >= sys_days{from} && on <= sys_days{to} && occurs_on(rule, *p.on)) {
            out.push_back(*p.on);
        }
        return out;
    }
    sys_days lo = std::max(sys_days{from}, sys_days{rule.valid_from});
    const sys_days hi = std::min(sys_days{to}, sys_days{rule.valid_to});
    if (p.repeat == Repeat::every_n_weeks) {
        lo = std::max(lo, sys_days{*p.anchor});
    }
    if (lo > hi) {
        return out;
    }
    // The first day on the rule's weekday, then forward to the first week of the cycle.
    const WeekCycle c = cycle_of(rule);
    const sys_days on_weekday = lo + days{(rule.weekday - iso_weekday(lo) + 7) % 7};
    const sys_days first =
        on_weekday + days{7 * floor_mod(c.residue - week_index(on_weekday, c.origin), c.step)};
    for (std::int64_t i = 0;; ++i) {
        const sys_days d = first + days{7 * c.step * i};
        if (d > hi) {
            break;
        }
        if (!excepted(p, Date{d})) {
            out.emplace_back(d);
        }
    }
    return out;
}

std::variant<Periodicity, std::string> parse_periodicity(std::string_view text) {
    const std::vector<std::string> words = words_of(match_key(text));
    const auto split = std::find_if(words.begin(), words.end(), [](const std::string& word) {
        return one_of(word, {"except", "кроме"});
    });
    const std::vector<std::string> kind(words.begin(), split);
    auto parsed = parse_kind(kind);
    if (!parsed) {
        if (words.empty()) {
            return std::string{"the periodicity is empty (expected weekly, A, B, every N weeks "
                               "from DATE or once DATE)"};
        }
        const auto first = text.find_first_not_of(" \t");
        const auto last = text.find_last_not_of(" \t");
        return "\"" + std::string{text.substr(first, last - first + 1)} +
               "\" is not a periodicity (expected weekly, A, B, every N weeks from DATE or once "
               "DATE, optionally followed by except DATE, ...)";
    }
    if (std::holds_alternative<std::string>(*parsed)) {
        return std::get<std::string>(*parsed);
    }
    Periodicity p = std::get<Periodicity>(*parsed);
    if (split != words.end()) {
        if (split + 1 == words.end()) {
            return std::string{"\"" + *split + "\" needs at least one date"};
        }
        for (auto it = split + 1; it != words.end(); ++it) {
            auto d = date_word(*it);
            if (auto* error = std::get_if<std::string>(&d)) {
                return *error;
            }
            p.except.push_back(std::get<Date>(d));
        }
    }
    if (auto problem = periodicity_problem(p)) {
        return *problem;
    }
    return p;
}

std::string format_periodicity(const Periodicity& p) {
    std::string out;
    switch (p.repeat) {
    case Repeat::weekly:
        out = "weekly";
        break;
    case Repeat::week_a:
        out = "A";
        break;
    case Repeat::week_b:
        out = "B";
        break;
    case Repeat::every_n_weeks:
        out = "every " + std::to_string(p.every) + (p.every == 1 ? " week" : " weeks");
        if (p.anchor) {
            out += " from " + format_iso(*p.anchor);
        }
        break;
    case Repeat::once:
        out = "once";
        if (p.on) {
            out += " " + format_iso(*p.on);
        }
        break;
    }
    for (std::size_t i = 0; i < p.except.size(); ++i) {
        out += (i == 0 ? " except " : ", ") + format_iso(p.except[i]);
    }
    return out;
}

} // namespace schoolctl::domain
