#include "app/sample/teaching_load.h"

#include "app/sample/curriculum.h"

#include <algorithm>
#include <optional>
#include <set>

namespace schoolctl::app::sample {
namespace {

class StaffList {
  public:
    StaffList(Random& rng, TeachingLoad& load, std::string prefix)
        : rng_(rng), load_(load), prefix_(std::move(prefix)) {}

    // A new staff member; `male` unset: one in five is a man, as in Russian schools.
    int add(const std::string& position, std::vector<std::string> subjects,
            std::optional<bool> male = std::nullopt) {
        const bool man = male.value_or(rng_.chance(1, 5));
        const Sex sex = man ? Sex::male : Sex::female;
        StaffMember s;
        const Surname surname = pick_surname(rng_);
        s.name.last = surname_form(surname.male, sex);
        s.name.first = pick_parent_name(rng_, sex, surname.patronymics);
        if (surname.patronymics) {
            s.name.middle = patronymic(pick_grandfather_name(rng_), sex);
        }
        s.position = position;
        std::sort(subjects.begin(), subjects.end());
        s.subjects = std::move(subjects);
        s.id = person_id('T', prefix_, static_cast<int>(load_.staff.size()) + 1, 4);
        load_.staff.push_back(std::move(s));
        return static_cast<int>(load_.staff.size()) - 1;
    }

    int add_teacher(const std::string& pool, bool male, int staff) {
        Teacher t;
        t.staff = staff;
        t.pool = pool;
        t.male = male;
        load_.teachers.push_back(std::move(t));
        return static_cast<int>(load_.teachers.size()) - 1;
    }

  private:
    Random& rng_;
    TeachingLoad& load_;
    std::string prefix_;
};

struct Demand {
    int klass;
    int subject;
    int hours;
};

void give_rooms(TeachingLoad& load) {
    int gyms = 0, workshops = 0, tech = 0, number = 0;
    for (auto& t : load.teachers) {
        if (t.pool == "PE") {
            t.room = "Спортзал " + std::to_string(++gyms);
        } else if (t.pool == "TECH" && t.male) {
            t.room = "Мастерская " + std::to_string(++workshops);
        } else if (t.pool == "TECH") {
            t.room = "Кабинет технологии " + std::to_string(++tech);
        } else if (t.pool != "PE after") {
            // 24 rooms a floor: 101 … 124, 201 …
            const int floor = number / 24 + 1, n = number % 24 + 1;
            t.room = std::to_string(floor) + (n < 10 ? "0" : "") + std::to_string(n);
            ++number;
        }
    }
}

} // namespace

std::vector<int> lanes(const Roster& roster, int klass, int subject) {
    const int grade = roster.classes[static_cast<std::size_t>(klass)].grade;
    if (split_subject(grade, subject) && group_of(roster, klass, subject, Lane::first) >= 0) {
        return {1, 2};
    }
    return {0};
}

TeachingLoad make_teaching_load(Random& rng, const Roster& roster, const std::string& id_prefix,
                                int max_load) {
    TeachingLoad load;
    StaffList staff(rng, load, id_prefix);
    for (const char* position : {"Директор", "Заместитель директора по учебной работе",
                                 "Заместитель директора по воспитательной работе", "Секретарь",
                                 "Педагог-психолог", "Социальный педагог"}) {
        staff.add(position, {});
    }
    const int classes = static_cast<int>(roster.classes.size());
    load.class_teacher.assign(static_cast<std::size_t>(classes), -1);
    load.pe_after.assign(static_cast<std::size_t>(classes), -1);

    // Primary classes: their own teacher for most subjects.
    for (int c = 0; c < classes; ++c) {
        const int grade = roster.classes[static_cast<std::size_t>(c)].grade;
        if (grade > 4) {
            continue;
        }
        std::vector<std::string> codes;
        for (const auto& h : weekly_plan(grade)) {
            if (class_teacher_subject(grade, h.subject)) {
                codes.emplace_back(subjects()[static_cast<std::size_t>(h.subject)].code);
            }
        }
        const bool male = rng.chance(1, 20);
        const int t =
            staff.add_teacher("primary", male, staff.add("Учитель начальных классов", codes, male));
        load.class_teacher[static_cast<std::size_t>(c)] = t;
        for (const auto& h : weekly_plan(grade)) {
            if (class_teacher_subject(grade, h.subject)) {
                load.who[{c, h.subject, 0}] = t;
                load.teachers[static_cast<std::size_t>(t)].load += h.hours;
            }
        }
    }

    // The rest by pool and lane: the teachers of a pool take the classes in order until full,
    // so a teacher keeps a parallel.
    std::map<std::pair<std::string, int>, std::vector<Demand>> demand;
    for (int c = 0; c < classes; ++c) {
        const int grade = roster.classes[static_cast<std::size_t>(c)].grade;
        for (const auto& h : weekly_plan(grade)) {
            if (class_teacher_subject(grade, h.subject)) {
                continue;
            }
            const std::string pool = subjects()[static_cast<std::size_t>(h.subject)].pool;
            for (int lane : lanes(roster, c, h.subject)) {
                demand[{pool, lane}].push_back({c, h.subject, h.hours});
            }
        }
        for (int s : alternating_pair(grade)) {
            demand[{subjects()[static_cast<std::size_t>(s)].pool, 0}].push_back({c, s, 1});
        }
    }
    for (const auto& [key, items] : demand) {
        const auto& [pool, lane] = key;
        int total = 0;
        for (const auto& d : items) {
            total += d.hours;
        }
        const int count = std::max(1, (total + max_load - 1) / max_load);
        const int target = (total + count - 1) / count;
        std::optional<bool> male;
        if (pool == "TECH") {
            male = lane != 2; // boys' technology: a man in the workshop
        }
        std::vector<int> pool_teachers;
        std::vector<std::set<std::string>> taught;
        for (const auto& d : items) {
            if (pool_teachers.empty() ||
                load.teachers[static_cast<std::size_t>(pool_teachers.back())].load >= target ||
                load.teachers[static_cast<std::size_t>(pool_teachers.back())].load + d.hours >
                    max_load) {
                pool_teachers.push_back(
                    staff.add_teacher(pool, male.value_or(rng.chance(1, 5)), -1));
                taught.emplace_back();
            }
            const int t = pool_teachers.back();
            load.teachers[static_cast<std::size_t>(t)].load += d.hours;
            taught.back().insert(subjects()[static_cast<std::size_t>(d.subject)].code);
            load.who[{d.klass, d.subject, lane}] = t;
        }
        const std::string position =
            std::string("Учитель ") +
            subjects()[static_cast<std::size_t>(subject_index(pool))].position;
        for (std::size_t i = 0; i < pool_teachers.size(); ++i) {
            auto& t = load.teachers[static_cast<std::size_t>(pool_teachers[i])];
            t.staff = staff.add(position, {taught[i].begin(), taught[i].end()}, t.male);
        }
    }

    // A second PE teacher from 11 January for every 20th class.
    const int pe = subject_index("PE");
    for (int c = 7; c < classes; c += 20) {
        const int grade = roster.classes[static_cast<std::size_t>(c)].grade;
        const int t = staff.add_teacher("PE after", false, -1);
        load.teachers[static_cast<std::size_t>(t)].staff =
            staff.add("Учитель физической культуры", {"PE"});
        for (const auto& h : weekly_plan(grade)) {
            if (h.subject == pe) {
                load.teachers[static_cast<std::size_t>(t)].load = h.hours;
            }
        }
        load.pe_after[static_cast<std::size_t>(c)] = t;
    }

    // Class teachers of grades 5–11: a teacher of the class, one class each.
    std::set<int> busy;
    for (int t : load.class_teacher) {
        if (t >= 0) {
            busy.insert(t);
        }
    }
    for (int c = 0; c < classes; ++c) {
        if (load.class_teacher[static_cast<std::size_t>(c)] >= 0) {
            continue;
        }
        int pick = -1, fallback = -1;
        for (const auto& [key, t] : load.who) {
            if (std::get<0>(key) != c) {
                continue;
            }
            fallback = fallback < 0 ? t : fallback;
            if (!busy.count(t)) {
                pick = t;
                break;
            }
        }
        if (pick < 0) {
            for (std::size_t t = 0; t < load.teachers.size() && pick < 0; ++t) {
                const auto& teacher = load.teachers[t];
                if (!busy.count(static_cast<int>(t)) && teacher.pool != "primary" &&
                    teacher.pool != "PE after") {
                    pick = static_cast<int>(t);
                }
            }
        }
        pick = pick >= 0 ? pick : fallback;
        load.class_teacher[static_cast<std::size_t>(c)] = pick;
        busy.insert(pick);
    }
    give_rooms(load);
    for (int c = 0; c < classes; ++c) {
        const int t = load.pe_after[static_cast<std::size_t>(c)];
        if (t >= 0) { // the same gym as the teacher before
            load.teachers[static_cast<std::size_t>(t)].room =
                load.teachers[static_cast<std::size_t>(load.who.at({c, pe, 0}))].room;
        }
    }
    return load;
}

} // namespace schoolctl::app::sample
