#include "app/sample/timetable.h"

#include "app/sample/curriculum.h"
#include "app/sample/timetable_units.h"
#include "domain/sanpin.h"
#include "util/error.h"

#include <algorithm>
#include <array>

namespace schoolctl::app::sample {
namespace {

void add_unique(std::vector<int>& v, int x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) {
        v.push_back(x);
    }
}

constexpr int days_a_week = 5;
constexpr int max_lessons = 8;
constexpr int hard = 20; // the cost of a clash against one of a subject twice in a day

struct Slot {
    int day;    // 0-based
    int lesson; // 0-based
};

// The search's state: where each unit of each class is, and the counts the costs come from.
class Placement {
  public:
    Placement(Random& rng, const Roster& roster, const TeachingLoad& load)
        : rng_(rng), roster_(roster), teachers_(static_cast<int>(load.teachers.size())) {
        const int n = static_cast<int>(roster.classes.size());
        units_.resize(static_cast<std::size_t>(n));
        slots_.resize(static_cast<std::size_t>(n));
        at_.resize(static_cast<std::size_t>(n));
        slot_index_.assign(static_cast<std::size_t>(n) * days_a_week * max_lessons, -1);
        long_day_.assign(static_cast<std::size_t>(n), -1);
        hours_.assign(static_cast<std::size_t>(n) * subjects().size(), 0);
        scount_.assign(static_cast<std::size_t>(n) * days_a_week * subjects().size(), 0);
        tcount_.assign(static_cast<std::size_t>(teachers_) * days_a_week * max_lessons, 0);
        by_teacher_.resize(static_cast<std::size_t>(teachers_));
        pe_ = subject_index("PE");
        for (int c = 0; c < n; ++c) {
            init_class(load, c);
        }
    }

    bool search(long max_steps) {
        long steps = 0;
        while (steps < max_steps) {
            auto [clashes, pe] = hard_problems();
            if (clashes.empty() && pe.empty()) {
                break;
            }
            for (int round = 0; round < 2000; ++round) {
                ++steps;
                int c = -1, p = -1;
                if (!clashes.empty() && (pe.empty() || rng_.chance(9, 10))) {
                    const auto [t, slot] = rng_.choice(clashes);
                    auto here = where_teacher(t, slot);
                    if (here.empty()) {
                        break;
                    }
                    std::tie(c, p) = rng_.choice(here);
                } else if (!pe.empty()) {
                    c = rng_.choice(pe);
                    std::vector<int> positions;
                    const auto& s = slots_[static_cast<std::size_t>(c)];
                    for (std::size_t i = 0; i < s.size(); ++i) {
                        if (s[i].day == long_day_[static_cast<std::size_t>(c)]) {
                            positions.push_back(static_cast<int>(i));
                        }
                    }
                    p = rng_.choice(positions);
                } else {
                    break;
                }
                step(c, p);
                if (steps % 50 == 0) {
                    std::tie(clashes, pe) = hard_problems();
                    if (clashes.empty() && pe.empty()) {
                        break;
                    }
                }
            }
        }
        swaps_ += steps;
        auto [clashes, pe] = hard_problems();
        return clashes.empty() && pe.empty();
    }

    // Keeps the swaps that spread the subjects over the week better.
    void polish(long rounds) {
        const int n = static_cast<int>(roster_.classes.size());
        for (long i = 0; i < rounds; ++i) {
            const int c = static_cast<int>(rng_.below(static_cast<std::uint64_t>(n)));
            const auto size = slots_[static_cast<std::size_t>(c)].size();
            if (size < 2) {
                continue;
            }
            const int p = static_cast<int>(rng_.below(size));
            int q = static_cast<int>(rng_.below(size - 1));
            q += q >= p ? 1 : 0;
            Change ch;
            if (delta(c, p, q, ch) < 0) {
                apply(c, p, q, ch);
            }
        }
    }

    Timetable result() const {
        Timetable t;
        t.swaps = swaps_;
        for (std::size_t c = 0; c < units_.size(); ++c) {
            std::vector<TimetableRow> rows;
            for (std::size_t pos = 0; pos < slots_[c].size(); ++pos) {
                const auto& slot = slots_[c][pos];
                for (const auto& part : units_[c][static_cast<std::size_t>(at_[c][pos])].parts) {
                    rows.push_back({static_cast<int>(c), part.group, part.subject, part.teacher,
                                    slot.day + 1, slot.lesson + 1, part.periodicity, part.from,
                                    part.to});
                }
            }
            std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
                if (a.day != b.day || a.lesson != b.lesson) {
                    return std::pair(a.day, a.lesson) < std::pair(b.day, b.lesson);
                }
                return group_name(a.group) < group_name(b.group);
            });
            t.rows.insert(t.rows.end(), rows.begin(), rows.end());
            for (int d = 0; d < days_a_week; ++d) {
                for (std::size_t s = 0; s < subjects().size(); ++s) {
                    t.spread_penalty += spread(static_cast<int>(c), d, static_cast<int>(s),
                                               scount(static_cast<int>(c), d, static_cast<int>(s)));
                }
            }
        }
        return t;
    }

  private:
    // A swap's changes to the counts: at most two teachers and two subjects a unit.
    struct Change {
        std::array<std::pair<int, int>, 8> teacher{}; // (tcount index, change)
        int teachers = 0;
        std::array<std::pair<int, int>, 8> subject{}; // (scount index, change)
        int subjects = 0;
    };

    static void add(std::array<std::pair<int, int>, 8>& list, int& size, int key, int change) {
        for (int i = 0; i < size; ++i) {
            if (list[static_cast<std::size_t>(i)].first == key) {
                list[static_cast<std::size_t>(i)].second += change;
                return;
            }
        }
        list[static_cast<std::size_t>(size++)] = {key, change};
    }

    std::string group_name(int g) const {
        return g < 0 ? std::string() : roster_.groups[static_cast<std::size_t>(g)].name;
    }

    int tkey(int teacher, const Slot& s) const {
        return (teacher * days_a_week + s.day) * max_lessons + s.lesson;
    }
    int skey(int c, int day, int subject) const {
        return (c * days_a_week + day) * static_cast<int>(subjects().size()) + subject;
    }
    int scount(int c, int day, int subject) const {
        return scount_[static_cast<std::size_t>(skey(c, day, subject))];
    }

    // How much a subject n times on a day of a class costs: more than once a day for a subject
    // of up to five hours, more than twice for longer ones; the 1st grade's long day without PE.
    int spread(int c, int day, int subject, int n) const {
        const int most = hours_[static_cast<std::size_t>(c) * subjects().size() +
                                static_cast<std::size_t>(subject)] <= days_a_week
                             ? 1
                             : 2;
        int p = std::max(0, n - most);
        if (subject == pe_ && long_day_[static_cast<std::size_t>(c)] == day && n == 0) {
            p += hard;
        }
        return p;
    }

    void init_class(const TeachingLoad& load, int c) {
        const auto ci = static_cast<std::size_t>(c);
        const int grade = roster_.classes[ci].grade;
        units_[ci] = class_units(roster_, load, c);
        const int n = static_cast<int>(units_[ci].size());
        std::vector<int> lengths(days_a_week, n / days_a_week);
        for (int d = 0; d < n % days_a_week; ++d) {
            ++lengths[static_cast<std::size_t>(d)];
        }
        rng_.shuffle(lengths);
        const auto longest = std::max_element(lengths.begin(), lengths.end());
        if (*longest > domain::daily_lesson_limit(grade, false)) {
            long_day_[ci] = static_cast<int>(longest - lengths.begin()); // must have PE
        }
        for (int d = 0; d < days_a_week; ++d) {
            for (int l = 0; l < lengths[static_cast<std::size_t>(d)]; ++l) {
                slot_index_[(ci * days_a_week + static_cast<std::size_t>(d)) * max_lessons +
                            static_cast<std::size_t>(l)] = static_cast<int>(slots_[ci].size());
                slots_[ci].push_back({d, l});
            }
        }
        at_[ci].resize(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            at_[ci][static_cast<std::size_t>(i)] = i;
        }
        rng_.shuffle(at_[ci]);
        for (const auto& u : units_[ci]) {
            for (int s : u.subjects) {
                ++hours_[ci * subjects().size() + static_cast<std::size_t>(s)];
            }
            for (int t : u.teachers) {
                add_unique(by_teacher_[static_cast<std::size_t>(t)], c);
            }
        }
        for (std::size_t pos = 0; pos < slots_[ci].size(); ++pos) {
            const auto& u = units_[ci][static_cast<std::size_t>(at_[ci][pos])];
            for (int t : u.teachers) {
                ++tcount_[static_cast<std::size_t>(tkey(t, slots_[ci][pos]))];
            }
            for (int s : u.subjects) {
                ++scount_[static_cast<std::size_t>(skey(c, slots_[ci][pos].day, s))];
            }
        }
    }

    const Unit& unit_at(int c, int pos) const {
        const auto ci = static_cast<std::size_t>(c);
        return units_[ci][static_cast<std::size_t>(at_[ci][static_cast<std::size_t>(pos)])];
    }

    // The cost change of swapping positions p and q of class c; `ch` receives the count changes.
    int delta(int c, int p, int q, Change& ch) const {
        const auto ci = static_cast<std::size_t>(c);
        const Slot sp = slots_[ci][static_cast<std::size_t>(p)];
        const Slot sq = slots_[ci][static_cast<std::size_t>(q)];
        ch = Change{};
        for (const auto& [u, src, dst] :
             {std::tuple{&unit_at(c, p), sp, sq}, std::tuple{&unit_at(c, q), sq, sp}}) {
            for (int t : u->teachers) {
                add(ch.teacher, ch.teachers, tkey(t, src), -1);
                add(ch.teacher, ch.teachers, tkey(t, dst), +1);
            }
            if (src.day != dst.day) {
                for (int s : u->subjects) {
                    add(ch.subject, ch.subjects, skey(c, src.day, s), -1);
                    add(ch.subject, ch.subjects, skey(c, dst.day, s), +1);
                }
            }
        }
        int cost = 0;
        for (int i = 0; i < ch.teachers; ++i) {
            const auto [key, change] = ch.teacher[static_cast<std::size_t>(i)];
            if (change != 0) {
                const int n0 = tcount_[static_cast<std::size_t>(key)];
                cost += hard * (std::max(0, n0 + change - 1) - std::max(0, n0 - 1));
            }
        }
        const int subject_count = static_cast<int>(subjects().size());
        for (int i = 0; i < ch.subjects; ++i) {
            const auto [key, change] = ch.subject[static_cast<std::size_t>(i)];
            if (change != 0) {
                const int n0 = scount_[static_cast<std::size_t>(key)];
                const int day = (key / subject_count) % days_a_week;
                const int subject = key % subject_count;
                cost += spread(c, day, subject, n0 + change) - spread(c, day, subject, n0);
            }
        }
        return cost;
    }

    void apply(int c, int p, int q, const Change& ch) {
        auto& a = at_[static_cast<std::size_t>(c)];
        std::swap(a[static_cast<std::size_t>(p)], a[static_cast<std::size_t>(q)]);
        for (int i = 0; i < ch.teachers; ++i) {
            tcount_[static_cast<std::size_t>(ch.teacher[static_cast<std::size_t>(i)].first)] +=
                ch.teacher[static_cast<std::size_t>(i)].second;
        }
        for (int i = 0; i < ch.subjects; ++i) {
            scount_[static_cast<std::size_t>(ch.subject[static_cast<std::size_t>(i)].first)] +=
                ch.subject[static_cast<std::size_t>(i)].second;
        }
    }

    // Moves position p of class c to the best place in its class (ties at random); now and
    // then a worse one, or a random one, to leave a local minimum.
    void step(int c, int p) {
        const int size = static_cast<int>(slots_[static_cast<std::size_t>(c)].size());
        int best = 0;
        bool any = false;
        std::vector<std::pair<int, Change>> moves;
        Change ch;
        for (int q = 0; q < size; ++q) {
            if (q == p) {
                continue;
            }
            const int cost = delta(c, p, q, ch);
            if (!any || cost < best) {
                best = cost;
                any = true;
                moves.clear();
                moves.emplace_back(q, ch);
            } else if (cost == best) {
                moves.emplace_back(q, ch);
            }
        }
        if (!any) {
            return;
        }
        if (best <= 0 || rng_.chance(1, 10)) {
            const auto& [q, change] = rng_.choice(moves);
            apply(c, p, q, change);
        } else if (rng_.chance(3, 10)) {
            const int q = static_cast<int>(rng_.below(static_cast<std::uint64_t>(size)));
            if (q != p) {
                delta(c, p, q, ch);
                apply(c, p, q, ch);
            }
        }
    }

    // Where teacher t is at the slot: (class, position) pairs.
    std::vector<std::pair<int, int>> where_teacher(int t, const Slot& slot) const {
        std::vector<std::pair<int, int>> out;
        for (int c : by_teacher_[static_cast<std::size_t>(t)]) {
            const int pos = slot_index_[(static_cast<std::size_t>(c) * days_a_week +
                                         static_cast<std::size_t>(slot.day)) *
                                            max_lessons +
                                        static_cast<std::size_t>(slot.lesson)];
            if (pos < 0) {
                continue;
            }
            const auto& teachers = unit_at(c, pos).teachers;
            if (std::find(teachers.begin(), teachers.end(), t) != teachers.end()) {
                out.emplace_back(c, pos);
            }
        }
        return out;
    }

    // Teachers in two places at once, and 1st-grade long days without PE.
    std::pair<std::vector<std::pair<int, Slot>>, std::vector<int>> hard_problems() const {
        std::vector<std::pair<int, Slot>> clashes;
        for (int t = 0; t < teachers_; ++t) {
            for (int d = 0; d < days_a_week; ++d) {
                for (int l = 0; l < max_lessons; ++l) {
                    const Slot s{d, l};
                    if (tcount_[static_cast<std::size_t>(tkey(t, s))] > 1) {
                        clashes.emplace_back(t, s);
                    }
                }
            }
        }
        std::vector<int> pe;
        for (std::size_t c = 0; c < long_day_.size(); ++c) {
            if (long_day_[c] >= 0 && scount(static_cast<int>(c), long_day_[c], pe_) == 0) {
                pe.push_back(static_cast<int>(c));
            }
        }
        return {std::move(clashes), std::move(pe)};
    }

    Random& rng_;
    const Roster& roster_;
    int teachers_;
    int pe_ = 0;
    long swaps_ = 0;
    std::vector<std::vector<Unit>> units_;
    std::vector<std::vector<Slot>> slots_;
    std::vector<std::vector<int>> at_; // class → position → unit index
    std::vector<int> slot_index_;      // (class, day, lesson) → position, or -1
    std::vector<int> long_day_;        // class → the day over the limit that needs PE, or -1
    std::vector<int> hours_;           // (class, subject) → units a week
    std::vector<int> scount_;          // (class, day, subject) → lessons
    std::vector<int> tcount_;          // (teacher, day, lesson) → lessons
    std::vector<std::vector<int>> by_teacher_; // teacher → classes
};

} // namespace

Timetable make_timetable(Random& rng, const Roster& roster, const TeachingLoad& load) {
    constexpr int attempts = 4;
    for (int attempt = 0; attempt < attempts; ++attempt) {
        Placement placement(rng, roster, load);
        if (placement.search(400'000)) {
            placement.polish(400L * static_cast<long>(roster.classes.size()));
            return placement.result();
        }
    }
    throw Error(ExitCode::failure, "no timetable without clashes was found for a school of " +
                                       std::to_string(roster.pupils.size()) +
                                       " pupils; try another --seed");
}

} // namespace schoolctl::app::sample
