// Rules between keys (see check_consistency in config_validate.h). They run once after every
// layer, because a lower file may set the year and a higher one the periods.
#include "domain/date.h"
#include "domain/person_name.h"
#include "formats/config_validate.h"

#include <algorithm>
#include <chrono>
#include <set>

namespace schoolctl::formats {
namespace {

using domain::DateRange;

std::string text(const DateRange& r) {
    return domain::format_iso(r.start) + ".." + domain::format_iso(r.end);
}

bool overlap(const DateRange& a, const DateRange& b) {
    return a.start <= b.end && b.start <= a.end;
}

// Empty means every grade, so it meets any other set.
bool share_grade(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.empty() || b.empty()) {
        return true;
    }
    return std::any_of(a.begin(), a.end(),
                       [&](int g) { return std::find(b.begin(), b.end(), g) != b.end(); });
}

class Checker {
  public:
    explicit Checker(ConfigState& state) : state_(state) {
        for (const auto& p : state.problems) {
            bad_.insert(p.where.field);
        }
    }

    void year() {
        const auto& s = state_.settings;
        bool has_start = is_set("academic_year.start"), has_end = is_set("academic_year.end");
        if (bad("academic_year.start") || bad("academic_year.end")) {
            return;
        }
        if (has_start != has_end) {
            const char* given = has_start ? "academic_year.start" : "academic_year.end";
            const char* missing = has_start ? "academic_year.end" : "academic_year.start";
            add(at(given, missing), std::string{"is required when "} + given + " is set");
            return;
        }
        if (!s.year_dates) {
            return;
        }
        const auto& y = *s.year_dates;
        auto days = (std::chrono::sys_days{y.end} - std::chrono::sys_days{y.start}).count();
        if (y.end < y.start) {
            add(at("academic_year.end"), domain::format_iso(y.end) +
                                             " is before academic_year.start (" +
                                             domain::format_iso(y.start) + ")");
        } else if (days > 365) {
            add(at("academic_year.end"), "the academic year " + text(y) + " is longer than a year");
        }
    }

    // Periods and holidays: each inside the year.
    template <typename T> void inside_year(const std::vector<T>& items, const char* key) {
        if (items.empty() || bad(key) || bad("academic_year.start") || bad("academic_year.end")) {
            return;
        }
        const auto& y = state_.settings.year_dates;
        if (!y || y->end < y->start) {
            if (!y) {
                add(at(key), "needs academic_year.start and academic_year.end");
            }
            return;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
            const auto& d = items[i].dates;
            if (d.start < y->start || y->end < d.end) {
                add(at_item(key, i, key), "\"" + items[i].name + "\" (" + text(d) +
                                              ") is not inside the academic year (" + text(*y) +
                                              ")");
            }
        }
    }

    void periods() {
        const auto& ps = state_.settings.periods;
        if (bad("periods")) {
            return;
        }
        for (std::size_t j = 0; j < ps.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                if (!share_grade(ps[i].grades, ps[j].grades)) {
                    continue;
                }
                // One problem per entry: the first clash is enough to find it in the file.
                if (ps[i].code == ps[j].code) {
                    add(at_item("periods", j, "periods.code"),
                        "\"" + ps[j].code + "\" is already the code of the period at line " +
                            std::to_string(line("periods", i)) + " for the same grades");
                    break;
                }
                if (overlap(ps[i].dates, ps[j].dates)) {
                    add(at_item("periods", j, "periods"),
                        "\"" + ps[j].code + "\" (" + text(ps[j].dates) + ") overlaps \"" +
                            ps[i].code + "\" (" + text(ps[i].dates) + ")");
                    break;
                }
            }
        }
    }

    void bells() {
        const auto& bs = state_.settings.bells;
        for (std::size_t j = 0; j < bs.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                if (bs[i].name == bs[j].name) {
                    add(at_item("bells", j, "bells.name"),
                        "\"" + bs[j].name + "\" is already the name of the schedule at line " +
                            std::to_string(line("bells", i)));
                    break;
                }
            }
        }
    }

    // A grade in both week lists, or the 1st grade on a 6-day week (SanPiN: always 5 days).
    void weeks() {
        const auto& s = state_.settings;
        for (int g : s.six_day_grades) {
            if (g == 1) {
                add(at("academic_year.six_day_grades"), "the 1st grade always studies 5 days a week");
            } else if (std::find(s.five_day_grades.begin(), s.five_day_grades.end(), g) !=
                       s.five_day_grades.end()) {
                add(at("academic_year.six_day_grades"),
                    "grade " + std::to_string(g) + " is also in academic_year.five_day_grades");
            }
        }
    }

    void production() {
        const auto& days = state_.settings.production;
        for (std::size_t j = 0; j < days.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                if (days[i].date == days[j].date) {
                    add(at_item("production", j, "production.date"),
                        domain::format_iso(days[j].date) + " is already listed at line " +
                            std::to_string(line("production", i)));
                    break;
                }
            }
        }
    }

    // A threshold for «2» makes sense only when «1» lies below it; thresholds must exist when
    // they are the rule.
    void thresholds() {
        const auto& s = state_.settings;
        if (bad_under("marks.thresholds")) {
            return;
        }
        const auto& list = s.grading.thresholds;
        if (list.empty() && s.grading.rounding == domain::Rounding::thresholds &&
            !bad("marks.rounding")) {
            add(at("marks.thresholds"), "is empty, but marks.rounding is \"thresholds\"");
        }
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (list[i].symbol == "2" && !s.five_point_allows_one) {
                add(at_item("marks.thresholds", i, "marks.thresholds.mark"),
                    "a threshold for 2 needs marks.five_point_allows_one = true: without «1», 2 "
                    "is the lowest mark");
            }
        }
    }

    void work_types() {
        const auto& types = state_.settings.work_types;
        for (std::size_t j = 0; j < types.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                const char* field = nullptr;
                if (domain::match_key(types[i].code) == domain::match_key(types[j].code)) {
                    field = "code";
                } else if (domain::match_key(types[i].name) == domain::match_key(types[j].name)) {
                    field = "name";
                }
                if (field != nullptr) {
                    const auto& value = *field == 'c' ? types[j].code : types[j].name;
                    add(at_item("work_types", j, std::string{"work_types."} + field),
                        "\"" + value + "\" is already the " + field + " of the work type at line " +
                            std::to_string(line("work_types", i)));
                    break;
                }
            }
        }
        const auto& wanted = state_.settings.default_work_type;
        if (bad("marks.default_work_type") || bad_under("work_types") ||
            std::any_of(types.begin(), types.end(), [&](const domain::WorkType& t) {
                return domain::match_key(t.code) == domain::match_key(wanted);
            })) {
            return;
        }
        std::string codes;
        for (const auto& t : types) {
            codes += (codes.empty() ? "" : ", ") + t.code;
        }
        if (is_set("marks.default_work_type")) {
            add(at("marks.default_work_type"),
                "\"" + wanted + "\" is not a work type (" + (codes.empty() ? "none" : codes) + ")");
        } else {
            add(at("work_types"), "has no \"" + wanted +
                                      "\", the default work type; list it or set "
                                      "marks.default_work_type");
        }
    }

    void scales() {
        const auto& scales = state_.settings.custom_scales;
        for (std::size_t j = 0; j < scales.size(); ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                if (scales[i].code == scales[j].code) {
                    add(at_item("scales", j, "scales.code"),
                        "\"" + scales[j].code + "\" is already the code of the scale at line " +
                            std::to_string(line("scales", i)));
                    break;
                }
            }
        }
    }

    // Labels are how codes are typed back in: two codes with one label could not be told apart.
    void attendance() {
        using domain::Absence;
        const auto& labels = state_.settings.absence_labels;
        const Absence all[] = {Absence::unexcused, Absence::excused, Absence::ill, Absence::late};
        for (std::size_t j = 0; j < 4; ++j) {
            for (std::size_t i = 0; i < j; ++i) {
                if (domain::match_key(labels.of(all[i])) == domain::match_key(labels.of(all[j]))) {
                    std::string key = "attendance." + std::string{domain::absence_name(all[j])};
                    std::string other = "attendance." + std::string{domain::absence_name(all[i])};
                    if (!is_set(key)) {
                        std::swap(key, other);
                    }
                    add(at(key), "\"" + labels.of(all[j]) + "\" is also the label of " + other);
                    break;
                }
            }
        }
    }

  private:
    bool is_set(std::string_view key) const { return state_.sources.contains(key); }
    bool bad(const std::string& key) const { return bad_.contains(key); }
    // The key or a field of its entries: a dropped entry may be the one a rule looks for.
    bool bad_under(const std::string& key) const {
        auto it = bad_.lower_bound(key);
        return it != bad_.end() && (*it == key || it->starts_with(key + "."));
    }

    // Where `key` was set, reported under `field` (the key itself unless told otherwise).
    Location at(const std::string& key, const std::string& field = {}) const {
        auto it = state_.sources.find(key);
        Location where = it == state_.sources.end() ? Location{} : it->second.where;
        where.field = field.empty() ? key : field;
        return where;
    }

    std::size_t line(const std::string& key, std::size_t item) const {
        auto it = state_.sources.find(key);
        if (it == state_.sources.end() || item >= it->second.item_lines.size()) {
            return 0;
        }
        return it->second.item_lines[item];
    }

    Location at_item(const std::string& key, std::size_t item, const std::string& field) const {
        Location where = at(key, field);
        if (std::size_t l = line(key, item)) {
            where.line = l;
        }
        return where;
    }

    void add(Location where, std::string reason) {
        state_.problems.push_back({std::move(where), std::move(reason)});
    }

    ConfigState& state_;
    std::set<std::string> bad_;
};

} // namespace

void check_consistency(ConfigState& state) {
    Checker check(state);
    check.year();
    check.inside_year(state.settings.periods, "periods");
    check.inside_year(state.settings.holidays, "holidays");
    check.periods();
    check.bells();
    check.weeks();
    check.production();
    check.thresholds();
    check.work_types();
    check.scales();
    check.attendance();
}

} // namespace schoolctl::formats
