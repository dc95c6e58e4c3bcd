#include "app/sample/curriculum.h"
#include "app/sample/school_year.h"
#include "app/sample/timetable.h"
#include "domain/sanpin.h"

#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

namespace schoolctl::app::sample {
namespace {

std::string where(const Roster& roster, const TimetableRow& r) {
    return roster.classes[static_cast<std::size_t>(r.klass)].name + ", day " +
           std::to_string(r.day) + ", lesson " + std::to_string(r.lesson);
}

} // namespace

std::vector<std::string> timetable_problems(const Roster& roster, const TeachingLoad& load,
                                            const Timetable& timetable,
                                            const domain::Settings& settings) {
    std::vector<std::string> problems;
    // Who is where, as one number: (kind, who, day, lesson, week A/B, before/after the PE
    // change). Kinds: 0 a staff member, 1 a room, 2 a class, 3 a group.
    std::unordered_set<std::uint64_t> taken;
    std::map<std::string, std::uint64_t> room_number;
    std::map<std::pair<int, int>, std::set<int>> day_lessons; // (class, day) → lesson numbers
    std::map<int, std::set<std::pair<int, int>>> week;        // class → (day, lesson)
    std::set<std::pair<int, int>> pe_days;
    std::set<std::tuple<int, int, int>> whole, split; // (class, day, lesson)
    const int pe = subject_index("PE");
    for (const auto& r : timetable.rows) {
        const auto& cls = roster.classes[static_cast<std::size_t>(r.klass)];
        if (r.day < 1 || r.day > 5 || r.lesson < 1 ||
            r.lesson > bell_lessons(settings, cls.grade)) {
            problems.push_back(where(roster, r) + ": outside the bells");
        }
        const std::string weeks = r.periodicity.empty() ? "AB" : r.periodicity;
        const std::string halves = !r.from.empty() ? "1" : !r.to.empty() ? "0" : "01";
        const auto& teacher = load.teachers[static_cast<std::size_t>(r.teacher)];
        const auto room = room_number.emplace(teacher.room, room_number.size()).first->second;
        const std::pair<std::uint64_t, std::uint64_t> who[] = {
            {0, static_cast<std::uint64_t>(teacher.staff)},
            {1, room},
            r.group >= 0 ? std::pair{std::uint64_t{3}, static_cast<std::uint64_t>(r.group)}
                         : std::pair{std::uint64_t{2}, static_cast<std::uint64_t>(r.klass)}};
        for (char w : weeks) {
            for (char h : halves) {
                for (const auto& [kind, id] : who) {
                    const std::uint64_t key =
                        ((((kind << 24 | id) * 8 + static_cast<std::uint64_t>(r.day)) * 16 +
                          static_cast<std::uint64_t>(r.lesson)) *
                             2 +
                         (w == 'A' ? 0U : 1U)) *
                            2 +
                        (h == '0' ? 0U : 1U);
                    if (!taken.insert(key).second) {
                        static const char* const what[] = {"teacher", "room", "class", "group"};
                        problems.push_back(where(roster, r) + ": " + what[kind] + " twice at once");
                    }
                }
            }
        }
        day_lessons[{r.klass, r.day}].insert(r.lesson);
        week[r.klass].insert({r.day, r.lesson});
        if (r.subject == pe) {
            pe_days.insert({r.klass, r.day});
        }
        (r.group >= 0 ? split : whole).insert({r.klass, r.day, r.lesson});
    }
    for (const auto& [key, lessons] : day_lessons) {
        const auto& cls = roster.classes[static_cast<std::size_t>(key.first)];
        const int limit = domain::daily_lesson_limit(cls.grade, pe_days.count(key) > 0);
        const std::string day = cls.name + ", day " + std::to_string(key.second);
        if (static_cast<int>(lessons.size()) > limit) {
            problems.push_back(day + ": " + std::to_string(lessons.size()) +
                               " lessons, more than SanPiN's " + std::to_string(limit));
        }
        if (*lessons.begin() != 1 || *lessons.rbegin() != static_cast<int>(lessons.size())) {
            problems.push_back(day + ": a gap between lessons");
        }
    }
    for (const auto& [klass, slots] : week) {
        const auto& cls = roster.classes[static_cast<std::size_t>(klass)];
        const int limit = domain::weekly_lesson_limit(cls.grade, settings.days_per_week);
        if (static_cast<int>(slots.size()) > limit) {
            problems.push_back(cls.name + ": " + std::to_string(slots.size()) +
                               " lessons a week, more than SanPiN's " + std::to_string(limit));
        }
    }
    for (const auto& key : split) {
        if (whole.count(key)) {
            problems.push_back(roster.classes[static_cast<std::size_t>(std::get<0>(key))].name +
                               ", day " + std::to_string(std::get<1>(key)) + ", lesson " +
                               std::to_string(std::get<2>(key)) +
                               ": the class and one of its subgroups at once");
        }
    }
    return problems;
}

} // namespace schoolctl::app::sample
