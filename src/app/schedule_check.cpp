#include "app/schedule_check.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "app/school_calendar.h"
#include "app/timetable_targets.h"
#include "domain/bell_choice.h"
#include "domain/person_name.h"
#include "domain/sanpin.h"
#include "domain/weekday.h"
#include "store/timetable.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using store::LessonView;
using std::chrono::days;
using std::chrono::sys_days;

using Members = std::unordered_map<std::int64_t, std::unordered_set<std::int64_t>>;

// Findings keyed by what they say, so a clash every Monday of the year is one finding.
class Findings {
public:
    void add(const std::string& kind, const std::string& text, std::set<std::string> rules,
             const Date& date) {
        auto key = kind + '\x1f' + text;
        auto [it, fresh] = index_.emplace(key, list_.size());
        if (fresh) {
            list_.push_back({kind, text, {rules.begin(), rules.end()}, {}});
        }
        auto& f = list_[it->second];
        if (f.dates.empty() || f.dates.back() != date) {
            f.dates.push_back(date);
        }
    }
    std::vector<Finding> take() { return std::move(list_); }

private:
    std::map<std::string, std::size_t> index_;
    std::vector<Finding> list_;
};

class Checker {
public:
    Checker(store::Database& db, const SchoolCalendar& calendar)
        : calendar_(calendar), targets_(db, calendar.year.year_id) {
        for (const auto& r : store::list_rules(db, calendar.year.year_id)) {
            sources_[r.id] = r.source.empty() ? "rule " + std::to_string(r.id) : r.source;
        }
        for (auto [klass, pupil] : store::current_class_members(db, calendar.year.year_id)) {
            class_members_[klass].insert(pupil);
        }
        for (auto [group, pupil] : store::current_group_members(db, calendar.year.year_id)) {
            group_members_[group].insert(pupil);
        }
    }

    // Lessons of one day, by lesson number.
    void day(const Date& date, const std::vector<const LessonView*>& lessons) {
        std::map<int, std::vector<const LessonView*>> by_slot;
        for (const auto* l : lessons) {
            by_slot[l->lesson_no].push_back(l);
            bells(date, *l);
        }
        for (const auto& [n, at] : by_slot) {
            for (std::size_t j = 1; j < at.size(); ++j) {
                for (std::size_t i = 0; i < j; ++i) {
                    pair(date, *at[i], *at[j]);
                }
            }
        }
        daily_load(date, lessons);
    }

    // A week with a moved working day (a Saturday that works as Friday) has a day more by
    // decree, not by the timetable: the weekly limit is the timetable's, so such weeks are left
    // to the daily check.
    void week(const Date& monday, const std::vector<const LessonView*>& lessons) {
        for (const auto& p : calendar_.study.production) {
            if (p.kind == domain::ProductionDay::Kind::working && monday <= p.date &&
                p.date < Date{sys_days{monday} + days{7}}) {
                return;
            }
        }
        std::map<std::int64_t, std::set<std::pair<std::string, int>>> slots;  // class -> slots
        for (const auto* l : lessons) {
            if (std::int64_t c = l->class_family()) {
                slots[c].insert({l->date, l->lesson_no});
            }
        }
        for (const auto& [klass, taken] : slots) {
            const TargetInfo* t = targets_.of_class(klass);
            int week_days = domain::week_length(calendar_.study, t->grade);
            int limit = domain::weekly_lesson_limit(t->grade, week_days);
            if (limit > 0 && static_cast<int>(taken.size()) > limit) {
                findings_.add("weekly_load",
                              t->name + ": " + std::to_string(taken.size()) +
                                  " lessons in the week of " + domain::format_ru(monday) +
                                  ", more than SanPiN's " + std::to_string(limit) + " for grade " +
                                  std::to_string(t->grade) + " with a " +
                                  std::to_string(week_days) + "-day week",
                              {}, monday);
            }
        }
    }

    std::vector<Finding> take() { return findings_.take(); }

private:
    std::string name_of(const LessonView& l) const {
        return targets_.of(l).name + " " + l.subject_code;
    }

    std::string source(const LessonView& l) const {
        auto it = sources_.find(l.rule_id);
        return it == sources_.end() ? "" : it->second;
    }

    const std::unordered_set<std::int64_t>& pupils_of(const LessonView& l) const {
        static const std::unordered_set<std::int64_t> none;
        const Members& m = l.class_id ? class_members_ : group_members_;
        auto it = m.find(l.class_id ? *l.class_id : *l.group_id);
        return it == m.end() ? none : it->second;
    }

    std::size_t shared_pupils(const LessonView& a, const LessonView& b) const {
        const auto& x = pupils_of(a);
        const auto& y = pupils_of(b);
        const auto& small = x.size() < y.size() ? x : y;
        const auto& large = x.size() < y.size() ? y : x;
        std::size_t n = 0;
        for (auto p : small) {
            n += large.contains(p) ? 1U : 0U;
        }
        return n;
    }

    void pair(const Date& date, const LessonView& a, const LessonView& b) {
        std::set<std::string> rules{source(a), source(b)};
        std::string both = name_of(a) + " and " + name_of(b) + " at lesson " +
                           std::to_string(a.lesson_no) + " on " +
                           domain::weekday_name(weekday(date));
        if (a.teaching_id() == b.teaching_id()) {
            findings_.add("teacher", domain::short_name(a.teaching()) + " teaches " + both, rules, date);
        }
        if (!a.room.empty() && a.room == b.room) {
            findings_.add("room", "room " + a.room + " has " + both, rules, date);
        }
        bool same_target = a.class_id == b.class_id && a.group_id == b.group_id;
        bool class_and_its_group = (a.class_id && b.group_class_id == a.class_id) ||
                                   (b.class_id && a.group_class_id == b.class_id);
        if (same_target || class_and_its_group) {
            findings_.add("class", both, rules, date);
        } else if (std::size_t n = shared_pupils(a, b)) {
            findings_.add("pupil", std::to_string(n) + (n == 1 ? " pupil is" : " pupils are") +
                                       " in both " + both,
                          rules, date);
        }
    }

    void bells(const Date& date, const LessonView& l) {
        if (calendar_.year.bells.empty()) {
            return;
        }
        const TargetInfo& t = targets_.of(l);
        auto verdict = domain::study_day(calendar_.study, date, t.grade);
        int wd = verdict.study() ? verdict.timetable_weekday : weekday(date);
        if (!verdict.study()) {
            findings_.add("calendar", name_of(l) + " has a lesson on a day off: " + verdict.reason,
                          {source(l)}, date);
        }
        if (!domain::bell_for(calendar_.year.bells, t.bell_class, t.grade, wd, l.lesson_no, date)) {
            findings_.add("bells", name_of(l) + ": lesson " + std::to_string(l.lesson_no) +
                                       " is outside the bell schedule on " +
                                       domain::weekday_name(wd),
                          {source(l)}, date);
        }
    }

    void daily_load(const Date& date, const std::vector<const LessonView*>& lessons) {
        std::map<std::int64_t, std::set<int>> slots;
        std::map<std::int64_t, bool> pe;
        for (const auto* l : lessons) {
            if (std::int64_t c = l->class_family()) {
                slots[c].insert(l->lesson_no);
                std::string key = domain::match_key(l->subject_name);
                pe[c] = pe[c] || l->subject_code == "PE" ||
                        key.find("физическая культура") != std::string::npos ||
                        key.find("физкультура") != std::string::npos;
            }
        }
        for (const auto& [klass, taken] : slots) {
            const TargetInfo* t = targets_.of_class(klass);
            int limit = domain::daily_lesson_limit(t->grade, pe[klass]);
            if (limit > 0 && static_cast<int>(taken.size()) > limit) {
                findings_.add("daily_load",
                              t->name + ": " + std::to_string(taken.size()) + " lessons on " +
                                  domain::weekday_name(weekday(date)) + ", more than SanPiN's " +
                                  std::to_string(limit) + " for grade " +
                                  std::to_string(t->grade),
                              {}, date);
            }
        }
    }

    static int weekday(const Date& d) {
        return static_cast<int>(std::chrono::weekday{sys_days{d}}.iso_encoding());
    }

    const SchoolCalendar& calendar_;
    TimetableTargets targets_;
    std::unordered_map<std::int64_t, std::string> sources_;
    Members class_members_;
    Members group_members_;
    Findings findings_;
};

}  // namespace

CheckResult check_schedule(Session& session, const CheckRequest& request) {
    Date today = today_moscow();
    SchoolCalendar calendar = load_school_calendar(session, request.from.value_or(today));
    const auto& year = calendar.year.dates;
    CheckResult r;
    r.year = calendar.year.name;
    r.from = std::max(request.from.value_or(year.start), year.start);
    r.to = std::min(request.to.value_or(year.end), year.end);
    if (r.to < r.from) {
        throw Error(ExitCode::usage, "--from is after --to within the academic year " + r.year);
    }
    // Whole weeks, so the weekly load counts every lesson of the weeks it reports.
    sys_days first{r.from}, last{r.to};
    first -= days{std::chrono::weekday{first}.iso_encoding() - 1};
    last += days{7 - std::chrono::weekday{last}.iso_encoding()};
    auto lessons = store::lessons_between(session.db(), calendar.year.year_id,
                                          domain::format_iso(Date{first}),
                                          domain::format_iso(Date{last}));
    Checker checker(session.db(), calendar);
    std::map<std::string, std::vector<const LessonView*>> by_day;
    for (const auto& l : lessons) {
        if (l.status != "cancelled") {
            by_day[l.date].push_back(&l);
        }
    }
    const std::string from = domain::format_iso(r.from), to = domain::format_iso(r.to);
    std::map<std::string, std::vector<const LessonView*>> by_week;  // Monday -> lessons
    for (const auto& [iso, day] : by_day) {
        Date d = *domain::parse_date(iso);
        sys_days s{d};
        Date monday{s - days{std::chrono::weekday{s}.iso_encoding() - 1}};
        auto& week = by_week[domain::format_iso(monday)];
        week.insert(week.end(), day.begin(), day.end());
        if (from <= iso && iso <= to) {
            checker.day(d, day);
            r.lessons += day.size();
        }
    }
    for (const auto& [monday, week] : by_week) {
        checker.week(*domain::parse_date(monday), week);
    }
    r.findings = checker.take();
    return r;
}

}  // namespace schoolctl::app
