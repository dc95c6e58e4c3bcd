#include "app/journal/journal_lessons.h"

#include <algorithm>
#include <chrono>
#include <limits>
#include <tuple>

#include "store/journal_roster.h"

namespace schoolctl::app {
namespace {

// 2026-11-12 -> 12.11.2026, for messages.
std::string ru(const std::string& iso) {
    if (iso.size() != 10) {
        return iso;
    }
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

std::string numbers_text(const std::vector<int>& numbers) {
    std::string out;
    for (int n : numbers) {
        out += (out.empty() ? "№" : ", №") + std::to_string(n);
    }
    return out;
}

// 2026-11-12 for a date: what format_iso gives, without snprintf (a marks file formats a date
// per row).
std::string iso_of(const domain::Date& d) {
    int y = static_cast<int>(d.year());
    auto m = static_cast<unsigned>(d.month());
    auto day = static_cast<unsigned>(d.day());
    if (y < 0 || y > 9999) {
        return domain::format_iso(d);
    }
    std::string out(10, '-');
    for (int i = 3; i >= 0; --i, y /= 10) {
        out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
    }
    out[5] = static_cast<char>('0' + m / 10);
    out[6] = static_cast<char>('0' + m % 10);
    out[8] = static_cast<char>('0' + day / 10);
    out[9] = static_cast<char>('0' + day % 10);
    return out;
}

int day_number(const domain::Date& d) {
    return static_cast<int>(std::chrono::sys_days(d).time_since_epoch().count());
}

// "2026-11-12" as a day number; the stored dates are checked ISO dates.
int day_number(const std::string& iso) {
    auto d = domain::parse_date(iso);
    return d ? day_number(*d) : 0;
}

// The entries of a list sorted by date that are on the day.
template <typename Entries>
auto on_day(const Entries& entries, int day) {
    auto first = std::lower_bound(entries.begin(), entries.end(), day,
                                  [](const auto& e, int d) { return e.day < d; });
    auto last = std::upper_bound(first, entries.end(), day,
                                 [](int d, const auto& e) { return d < e.day; });
    return std::make_pair(first, last);
}

// The entries of a list sorted by date that are on `date`.
template <typename Entries>
auto on_date(const Entries& entries, const std::string& date) {
    auto first = std::lower_bound(entries.begin(), entries.end(), date,
                                  [](const auto& e, const std::string& d) { return e.lesson.date < d; });
    auto last = std::upper_bound(first, entries.end(), date,
                                 [](const std::string& d, const auto& e) { return d < e.lesson.date; });
    return std::make_pair(first, last);
}

}  // namespace

JournalLessons::JournalLessons(store::Database& db, std::int64_t year_id,
                               const std::optional<domain::DateRange>& dates) {
    auto membership = [](const store::MembershipRow& m) {
        return Membership{m.target_id, m.from_date, m.to_date, day_number(m.from_date),
                          m.to_date ? day_number(*m.to_date) : std::numeric_limits<int>::max()};
    };
    for (auto& m : store::year_class_memberships(db, year_id)) {
        Membership ms = membership(m);
        classes_of_[m.pupil_id].push_back(ms);
        class_members_[m.target_id].emplace_back(m.pupil_id, std::move(ms));
    }
    for (auto& m : store::year_group_memberships(db, year_id)) {
        Membership ms = membership(m);
        groups_of_[m.pupil_id].push_back(ms);
        group_members_[m.target_id].emplace_back(m.pupil_id, std::move(ms));
    }
    std::optional<std::string> from;
    std::optional<std::string> to;
    if (dates) {
        from = iso_of(dates->start);
        to = iso_of(dates->end);
    }
    for (auto& l : store::year_lessons(db, year_id, from, to)) {
        Key key{l.group_id.has_value(), l.group_id.value_or(l.class_id.value_or(0)),
                l.subject_id};
        int day = day_number(l.date);
        lessons_[key].push_back({JournalLesson{l.id, std::move(l.date), l.lesson_no,
                                               l.subject_id, l.class_id, l.group_id,
                                               l.teacher_id},
                                 day, l.cancelled});
    }
    // Each list by date and number: sorting the lists here is cheaper than an ORDER BY over
    // the year's lessons.
    for (auto& [key, list] : lessons_) {
        std::sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
            return std::tie(a.lesson.date, a.lesson.lesson_no, a.lesson.lesson_id) <
                   std::tie(b.lesson.date, b.lesson.lesson_no, b.lesson.lesson_id);
        });
        for (std::size_t i = 0; i < list.size(); ++i) {
            by_id_.emplace(list[i].lesson.lesson_id, std::make_pair(key, i));
        }
    }
    for (auto& [id, name] : store::year_class_names(db, year_id)) {
        class_names_.emplace(id, std::move(name));
    }
    for (auto& [id, name] : store::year_group_names(db, year_id)) {
        group_names_.emplace(id, std::move(name));
    }
    for (auto& [id, name] : store::year_subject_names(db, year_id)) {
        subject_names_.emplace(id, std::move(name));
    }
}

std::vector<JournalLessons::Place> JournalLessons::places_on(std::int64_t pupil_id,
                                                             const std::string& date) const {
    std::vector<Place> out;
    if (auto it = classes_of_.find(pupil_id); it != classes_of_.end()) {
        for (const auto& m : it->second) {
            if (m.covers(date)) {
                out.push_back({false, m.target});
            }
        }
    }
    if (out.empty()) {
        return out;  // in no class that day: not at school, whatever the groups say
    }
    if (auto it = groups_of_.find(pupil_id); it != groups_of_.end()) {
        for (const auto& m : it->second) {
            if (m.covers(date)) {
                out.push_back({true, m.target});
            }
        }
    }
    return out;
}

bool JournalLessons::was_in(std::int64_t pupil_id, const Place& place,
                            const std::string& date) const {
    const auto& of = place.group ? groups_of_ : classes_of_;
    auto it = of.find(pupil_id);
    if (it == of.end()) {
        return false;
    }
    return std::any_of(it->second.begin(), it->second.end(), [&](const Membership& m) {
        return m.target == place.target && m.covers(date);
    }) && (place.group ? !places_on(pupil_id, date).empty() : true);
}

std::string JournalLessons::where_text(const std::vector<Place>& places) const {
    std::string out;
    for (const auto& p : places) {
        const auto& names = p.group ? group_names_ : class_names_;
        auto it = names.find(p.target);
        out += (out.empty() ? "" : ", ") + (it != names.end() ? it->second : "?");
    }
    return out;
}

std::string JournalLessons::classes_text(std::int64_t pupil_id) const {
    auto it = classes_of_.find(pupil_id);
    if (it == classes_of_.end() || it->second.empty()) {
        return "the pupil is in no class this year";
    }
    std::string out;
    for (const auto& m : it->second) {
        auto name = class_names_.find(m.target);
        out += (out.empty() ? "" : "; ") +
               (name != class_names_.end() ? name->second : std::string("?")) + " from " +
               ru(m.from) + (m.to ? " to " + ru(*m.to) : std::string());
    }
    return "the pupil's classes: " + out;
}

std::string JournalLessons::subject_text(std::int64_t subject_id) const {
    auto it = subject_names_.find(subject_id);
    return it != subject_names_.end() ? it->second : "subject " + std::to_string(subject_id);
}

std::string JournalLessons::lesson_text(const JournalLesson& l) const {
    return subject_text(l.subject_id) + " on " + ru(l.date) + " (lesson №" +
           std::to_string(l.lesson_no) + ")";
}

LessonMiss JournalLessons::no_lesson_that_day(std::int64_t pupil_id, std::int64_t subject_id,
                                              const std::string& date,
                                              const std::vector<Place>& places) const {
    // The pupil's nearest lessons of the subject before and after the date, through any class
    // or group the pupil was in on that lesson's date.
    std::optional<std::string> before, after;
    auto scan = [&](bool group, const std::vector<Membership>& list) {
        for (const auto& m : list) {
            auto it = lessons_.find(Key{group, m.target, subject_id});
            if (it == lessons_.end()) {
                continue;
            }
            const auto& entries = it->second;
            auto split = on_date(entries, date).first;
            for (auto p = split; p != entries.begin();) {
                --p;
                if (!p->cancelled && was_in(pupil_id, {group, m.target}, p->lesson.date)) {
                    if (!before || *before < p->lesson.date) {
                        before = p->lesson.date;
                    }
                    break;
                }
            }
            for (auto p = split; p != entries.end(); ++p) {
                if (p->lesson.date != date && !p->cancelled &&
                    was_in(pupil_id, {group, m.target}, p->lesson.date)) {
                    if (!after || p->lesson.date < *after) {
                        after = p->lesson.date;
                    }
                    break;
                }
            }
        }
    };
    if (auto it = classes_of_.find(pupil_id); it != classes_of_.end()) {
        scan(false, it->second);
    }
    if (auto it = groups_of_.find(pupil_id); it != groups_of_.end()) {
        scan(true, it->second);
    }
    std::string subject = subject_text(subject_id);
    if (!before && !after) {
        return {"subject", "the pupil (" + where_text(places) + ") has no lessons of " + subject +
                               " this year"};
    }
    std::string nearest;
    if (before) {
        nearest = ru(*before);
    }
    if (after) {
        nearest += (nearest.empty() ? "" : ", ") + ru(*after);
    }
    return {"date", "the pupil (" + where_text(places) + ") has no lesson of " + subject +
                        " on " + ru(date) + " (nearest: " + nearest + ")"};
}

std::variant<JournalLesson, LessonMiss> JournalLessons::find(std::int64_t pupil_id,
                                                             std::int64_t subject_id,
                                                             const domain::Date& day,
                                                             std::optional<int> lesson_no) const {
    if (auto only = only_lesson(pupil_id, subject_id, day_number(day), lesson_no)) {
        return (*only)->lesson;
    }
    std::string date = iso_of(day);
    std::vector<Place> places = places_on(pupil_id, date);
    if (places.empty()) {
        return LessonMiss{"pupil", "the pupil was in no class on " + ru(date) + " (" +
                                       classes_text(pupil_id) + ")"};
    }
    std::vector<const Entry*> that_day;
    for (const auto& place : places) {
        auto it = lessons_.find(Key{place.group, place.target, subject_id});
        if (it == lessons_.end()) {
            continue;
        }
        auto [first, last] = on_date(it->second, date);
        for (auto e = first; e != last; ++e) {
            that_day.push_back(&*e);
        }
    }
    std::vector<const Entry*> held;
    std::vector<int> held_numbers;
    for (const Entry* e : that_day) {
        if (!e->cancelled) {
            held.push_back(e);
            held_numbers.push_back(e->lesson.lesson_no);
        }
    }
    std::sort(held_numbers.begin(), held_numbers.end());
    std::string subject = subject_text(subject_id);
    if (lesson_no) {
        for (const Entry* e : held) {
            if (e->lesson.lesson_no == *lesson_no) {
                return e->lesson;
            }
        }
        for (const Entry* e : that_day) {
            if (e->lesson.lesson_no == *lesson_no) {
                return LessonMiss{"lesson", "the lesson of " + lesson_text(e->lesson) +
                                                " was cancelled"};
            }
        }
        if (!held.empty()) {
            return LessonMiss{"lesson", "there is no lesson №" + std::to_string(*lesson_no) +
                                            " of " + subject + " on " + ru(date) +
                                            " (that day: " + numbers_text(held_numbers) + ")"};
        }
    } else if (held.size() == 1) {
        return held.front()->lesson;
    } else if (held.size() > 1) {
        return LessonMiss{"lesson", subject + " has " + std::to_string(held.size()) +
                                        " lessons on " + ru(date) + " (" +
                                        numbers_text(held_numbers) + "): give the lesson number"};
    }
    if (!that_day.empty()) {
        return LessonMiss{"date", "the lesson of " + lesson_text(that_day.front()->lesson) +
                                      " was cancelled"};
    }
    return no_lesson_that_day(pupil_id, subject_id, date, places);
}

std::optional<const JournalLessons::Entry*> JournalLessons::only_lesson(
    std::int64_t pupil_id, std::int64_t subject_id, int day,
    std::optional<int> lesson_no) const {
    auto classes = classes_of_.find(pupil_id);
    if (classes == classes_of_.end()) {
        return std::nullopt;
    }
    const Entry* only = nullptr;
    int held = 0;
    bool in_class = false;
    auto visit = [&](bool group, const std::vector<Membership>& list) {
        for (const auto& m : list) {
            if (!m.covers(day)) {
                continue;
            }
            in_class = in_class || !group;
            auto it = lessons_.find(Key{group, m.target, subject_id});
            if (it == lessons_.end()) {
                continue;
            }
            auto [first, last] = on_day(it->second, day);
            for (auto e = first; e != last; ++e) {
                if (!e->cancelled && (!lesson_no || e->lesson.lesson_no == *lesson_no)) {
                    ++held;
                    only = &*e;
                }
            }
        }
    };
    visit(false, classes->second);
    if (!in_class) {
        return std::nullopt;
    }
    if (auto groups = groups_of_.find(pupil_id); groups != groups_of_.end()) {
        visit(true, groups->second);
    }
    if (held != 1) {
        return std::nullopt;
    }
    return only;
}

std::variant<JournalLesson, LessonMiss> JournalLessons::find_by_id(std::int64_t pupil_id,
                                                                   std::int64_t lesson_id) const {
    auto it = by_id_.find(lesson_id);
    if (it == by_id_.end()) {
        return LessonMiss{"lesson", "there is no lesson " + std::to_string(lesson_id) +
                                        " in this academic year"};
    }
    const auto& [key, index] = it->second;
    const Entry& e = lessons_.at(key)[index];
    if (e.cancelled) {
        return LessonMiss{"lesson", "the lesson of " + lesson_text(e.lesson) + " was cancelled"};
    }
    Place place{key.group, key.target};
    if (!was_in(pupil_id, place, e.lesson.date)) {
        return LessonMiss{"pupil", "the pupil was not in " + where_text({place}) + " on " +
                                       ru(e.lesson.date) + " (" + classes_text(pupil_id) + ")"};
    }
    return e.lesson;
}

std::vector<JournalLesson> JournalLessons::day_of(std::int64_t pupil_id,
                                                  const domain::Date& day) const {
    std::string date = iso_of(day);
    std::vector<JournalLesson> out;
    for (const auto& place : places_on(pupil_id, date)) {
        // The keys of one class or group are adjacent: (group, target) lead the key.
        Key first_key{place.group, place.target, std::numeric_limits<std::int64_t>::min()};
        for (auto it = lessons_.lower_bound(first_key); it != lessons_.end() &&
                                                        it->first.group == place.group &&
                                                        it->first.target == place.target;
             ++it) {
            auto [first, last] = on_date(it->second, date);
            for (auto e = first; e != last; ++e) {
                if (!e->cancelled) {
                    out.push_back(e->lesson);
                }
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const JournalLesson& a, const JournalLesson& b) {
        return std::tie(a.lesson_no, a.lesson_id) < std::tie(b.lesson_no, b.lesson_id);
    });
    return out;
}

std::span<const LessonDay> JournalLessons::lessons_per_day(std::int64_t pupil_id,
                                                          const domain::Date& from,
                                                          const domain::Date& to) const {
    const std::vector<LessonDay>& all = lesson_days(pupil_id);
    auto first = std::lower_bound(all.begin(), all.end(), day_number(from),
                                  [](const LessonDay& d, int n) { return d.day < n; });
    auto last = std::upper_bound(first, all.end(), day_number(to),
                                 [](int n, const LessonDay& d) { return n < d.day; });
    return {first, last};
}

const std::vector<LessonDay>& JournalLessons::lesson_days(std::int64_t pupil_id) const {
    // Reports ask for a pupil's days six to eight times a run, over the same dates or a month
    // of them, from two threads: each pupil's are counted once, over every lesson loaded, and
    // sliced. A map's values stay where they are as it grows, so the slices stay valid.
    std::lock_guard lock(days_lock_);
    auto it = days_of_.find(pupil_id);
    if (it == days_of_.end()) {
        it = days_of_.emplace(pupil_id, count_lesson_days(pupil_id)).first;
    }
    return it->second;
}

std::vector<LessonDay> JournalLessons::count_lesson_days(std::int64_t pupil_id) const {
    std::vector<LessonDay> out;
    auto classes = classes_of_.find(pupil_id);
    if (classes == classes_of_.end()) {
        return out;
    }
    auto in_a_class = [&](int day) {
        return std::any_of(classes->second.begin(), classes->second.end(),
                           [&](const Membership& m) { return m.covers(day); });
    };
    // Every lesson's day, then counted: a sort of a few hundred numbers beats a map keyed by
    // date.
    std::vector<int> days;
    auto collect = [&](bool group, const Membership& m) {
        // The keys of one class or group are adjacent: (group, target) lead the key.
        Key first_key{group, m.target, std::numeric_limits<std::int64_t>::min()};
        for (auto it = lessons_.lower_bound(first_key);
             it != lessons_.end() && it->first.group == group && it->first.target == m.target;
             ++it) {
            const auto& list = it->second;
            auto e = std::lower_bound(list.begin(), list.end(), m.from_day,
                                      [](const Entry& x, int d) { return x.day < d; });
            for (; e != list.end() && e->day <= m.to_day; ++e) {
                if (!e->cancelled && (!group || in_a_class(e->day))) {
                    days.push_back(e->day);
                }
            }
        }
    };
    for (const auto& m : classes->second) {
        collect(false, m);
    }
    if (auto groups = groups_of_.find(pupil_id); groups != groups_of_.end()) {
        for (const auto& m : groups->second) {
            collect(true, m);
        }
    }
    std::sort(days.begin(), days.end());
    for (int day : days) {
        if (out.empty() || out.back().day != day) {
            out.push_back({day, 0});
        }
        ++out.back().lessons;
    }
    return out;
}

int JournalLessons::subject_lessons(std::int64_t pupil_id, std::int64_t subject_id,
                                    const domain::Date& from, const domain::Date& to) const {
    auto classes = classes_of_.find(pupil_id);
    if (classes == classes_of_.end()) {
        return 0;
    }
    const int first = day_number(from);
    const int last = day_number(to);
    int n = 0;
    auto count = [&](bool group, const Membership& m) {
        auto it = lessons_.find(Key{group, m.target, subject_id});
        if (it == lessons_.end()) {
            return;
        }
        const int lo = std::max(first, m.from_day);
        const int hi = std::min(last, m.to_day);
        const auto& list = it->second;
        auto e = std::lower_bound(list.begin(), list.end(), lo,
                                  [](const Entry& x, int d) { return x.day < d; });
        for (; e != list.end() && e->day <= hi; ++e) {
            bool at_school = !group || std::any_of(classes->second.begin(), classes->second.end(),
                                                   [&](const Membership& c) {
                                                       return c.covers(e->day);
                                                   });
            n += !e->cancelled && at_school ? 1 : 0;
        }
    };
    for (const auto& m : classes->second) {
        count(false, m);
    }
    if (auto groups = groups_of_.find(pupil_id); groups != groups_of_.end()) {
        for (const auto& m : groups->second) {
            count(true, m);
        }
    }
    return n;
}

std::optional<std::int64_t> JournalLessons::class_on(std::int64_t pupil_id,
                                                     const domain::Date& day) const {
    auto it = classes_of_.find(pupil_id);
    if (it == classes_of_.end()) {
        return std::nullopt;
    }
    int number = day_number(day);
    for (const auto& m : it->second) {
        if (m.covers(number)) {
            return m.target;
        }
    }
    return std::nullopt;
}

std::vector<std::int64_t> JournalLessons::members_on(const JournalLesson& lesson) const {
    const auto& members = lesson.group_id ? group_members_ : class_members_;
    auto it = members.find(lesson.group_id.value_or(lesson.class_id.value_or(0)));
    std::vector<std::int64_t> out;
    if (it == members.end()) {
        return out;
    }
    for (const auto& [pupil, m] : it->second) {
        if (m.covers(lesson.date) && (!lesson.group_id || !places_on(pupil, lesson.date).empty())) {
            out.push_back(pupil);
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

}  // namespace schoolctl::app
