#include "app/sample/roster.h"

#include "app/sample/curriculum.h"
#include "domain/collation.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <set>
#include <unordered_set>

namespace schoolctl::app::sample {
namespace {

using namespace std::chrono;

// The letters classes take, in order (Ё, Й, Ъ, Ы, Ь are never class letters).
const std::vector<std::string> letters = {"А", "Б", "В", "Г", "Д", "Е", "Ж", "З", "И",
                                          "К", "Л", "М", "Н", "О", "П", "Р", "С", "Т",
                                          "У", "Ф", "Х", "Ц", "Ч", "Ш", "Э", "Ю", "Я"};
constexpr int pupils_per_class = 25;

struct Family {
    Surname surname;
    std::string father; // his first name: the children's patronymic
    std::vector<int> children;
};

// A child of grade g in 2026/27 was born between 1 September of 2020 − g and 31 August a
// year later.
domain::Date birth_date(Random& rng, int grade) {
    const sys_days start = sys_days{year{2020 - grade} / September / 1};
    return domain::Date{start + days{rng.below(365)}};
}

// A class with room left, by how much room it has, or -1 when every class is full. Only
// classes at least two grades from each of `siblings` (the grades of brothers and sisters).
int pick_class(Random& rng, const std::vector<SchoolClass>& classes, const std::vector<int>& room,
               const std::vector<int>& siblings) {
    std::vector<int> weights(room.size(), 0);
    bool any = false;
    for (std::size_t c = 0; c < room.size(); ++c) {
        const bool apart = std::all_of(siblings.begin(), siblings.end(),
                                       [&](int g) { return std::abs(classes[c].grade - g) >= 2; });
        if (room[c] > 0 && apart) {
            weights[c] = room[c];
            any = true;
        }
    }
    return any ? static_cast<int>(rng.pick_weighted(weights)) : -1;
}

Name parent_name(Random& rng, const Family& f, Sex sex) {
    Name n;
    const bool pat = f.surname.patronymics;
    if (sex == Sex::male) {
        n.first = f.father;
        n.last = f.surname.male;
    } else {
        n.first = pick_parent_name(rng, Sex::female, pat);
        // Some mothers kept their own surname.
        n.last = rng.chance(12, 100) ? surname_form(pick_surname(rng).male, Sex::female)
                                     : surname_form(f.surname.male, Sex::female);
    }
    if (pat) {
        n.middle = patronymic(pick_grandfather_name(rng), sex);
    }
    return n;
}

std::string phone(Random& rng, std::unordered_set<std::uint64_t>& used) {
    for (;;) {
        const std::uint64_t number = 900'000'0000ULL + rng.below(100'000'0000ULL);
        if (used.insert(number).second) {
            const std::string d = std::to_string(number); // ten digits, 9XXXXXXXXX
            return "+7 " + d.substr(0, 3) + " " + d.substr(3, 3) + "-" + d.substr(6, 2) + "-" +
                   d.substr(8, 2);
        }
    }
}

std::string email(const Name& n, std::set<std::string>& used) {
    const std::string base = latin(n.first) + "." + latin(n.last);
    std::string address = base + "@example.org";
    for (int k = 2; !used.insert(address).second; ++k) {
        address = base + std::to_string(k) + "@example.org";
    }
    return address;
}

void add_group(Roster& r, int klass, std::string name, std::vector<int> members, int& slot) {
    slot = static_cast<int>(r.groups.size());
    r.groups.push_back({std::move(name), klass, std::move(members)});
}

void make_groups(Roster& r) {
    for (std::size_t c = 0; c < r.classes.size(); ++c) {
        auto& cls = r.classes[c];
        const auto& m = cls.pupils;
        const int k = static_cast<int>(c);
        if (cls.grade >= 2 && m.size() >= 2) {
            const auto half = static_cast<std::ptrdiff_t>((m.size() + 1) / 2);
            std::vector<int> first(m.begin(), m.begin() + half), second(m.begin() + half, m.end());
            add_group(r, k, cls.name + " англ. 1", first, cls.english[0]);
            add_group(r, k, cls.name + " англ. 2", second, cls.english[1]);
            if (cls.grade >= 7) {
                add_group(r, k, cls.name + " инф. 1", first, cls.informatics[0]);
                add_group(r, k, cls.name + " инф. 2", second, cls.informatics[1]);
            }
        }
        if (cls.grade >= 5 && cls.grade <= 9) {
            std::vector<int> boys, girls;
            for (int p : m) {
                (r.pupils[static_cast<std::size_t>(p)].sex == Sex::male ? boys : girls)
                    .push_back(p);
            }
            if (!boys.empty() && !girls.empty()) {
                add_group(r, k, cls.name + " труд (мальчики)", boys, cls.technology[0]);
                add_group(r, k, cls.name + " труд (девочки)", girls, cls.technology[1]);
            }
        }
    }
}

// Pupils numbered by class, then in Russian alphabetical order; guardians by their first child.
void number_people(Roster& r, const std::vector<Family>& families, std::vector<Guardian> guardians,
                   std::vector<int> guardian_family, const std::string& prefix) {
    const auto& collator = domain::RussianCollator::instance();
    std::vector<int> order(r.pupils.size());
    std::iota(order.begin(), order.end(), 0);
    std::vector<std::string> keys;
    keys.reserve(r.pupils.size());
    for (const auto& p : r.pupils) {
        keys.push_back(collator.sort_key(p.name.last) + '\x01' + collator.sort_key(p.name.first) +
                       '\x01' + collator.sort_key(p.name.middle));
    }
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& pa = r.pupils[static_cast<std::size_t>(a)];
        const auto& pb = r.pupils[static_cast<std::size_t>(b)];
        if (pa.klass != pb.klass) {
            return pa.klass < pb.klass;
        }
        const auto& ka = keys[static_cast<std::size_t>(a)];
        const auto& kb = keys[static_cast<std::size_t>(b)];
        if (ka != kb) {
            return ka < kb;
        }
        return sys_days{pa.born} < sys_days{pb.born};
    });
    std::vector<int> new_index(order.size());
    std::vector<Pupil> pupils;
    pupils.reserve(order.size());
    const int width = std::max<int>(4, static_cast<int>(std::to_string(order.size()).size()));
    for (std::size_t i = 0; i < order.size(); ++i) {
        new_index[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
        pupils.push_back(std::move(r.pupils[static_cast<std::size_t>(order[i])]));
        pupils.back().id = person_id('S', prefix, static_cast<int>(i) + 1, width);
    }
    r.pupils = std::move(pupils);
    for (auto& c : r.classes) {
        c.pupils.clear();
    }
    for (std::size_t i = 0; i < r.pupils.size(); ++i) {
        r.classes[static_cast<std::size_t>(r.pupils[i].klass)].pupils.push_back(
            static_cast<int>(i));
    }
    // Guardians: by their family's first child, then as the family listed them.
    std::vector<int> first_child(families.size());
    for (std::size_t f = 0; f < families.size(); ++f) {
        int best = static_cast<int>(r.pupils.size());
        for (int c : families[f].children) {
            best = std::min(best, new_index[static_cast<std::size_t>(c)]);
        }
        first_child[f] = best;
    }
    std::vector<int> gorder(guardians.size());
    std::iota(gorder.begin(), gorder.end(), 0);
    std::stable_sort(gorder.begin(), gorder.end(), [&](int a, int b) {
        return first_child[static_cast<std::size_t>(guardian_family[static_cast<std::size_t>(a)])] <
               first_child[static_cast<std::size_t>(guardian_family[static_cast<std::size_t>(b)])];
    });
    const int gwidth = std::max<int>(4, static_cast<int>(std::to_string(gorder.size()).size()));
    for (std::size_t i = 0; i < gorder.size(); ++i) {
        Guardian g = std::move(guardians[static_cast<std::size_t>(gorder[i])]);
        for (int& c : g.children) {
            c = new_index[static_cast<std::size_t>(c)];
        }
        std::sort(g.children.begin(), g.children.end());
        g.id = person_id('G', prefix, static_cast<int>(i) + 1, gwidth);
        r.guardians.push_back(std::move(g));
    }
}

} // namespace

int max_school_pupils() {
    return 11 * static_cast<int>(letters.size()) * pupils_per_class;
}

std::vector<SchoolClass> class_layout(int pupils) {
    const int by_size = (pupils + pupils_per_class / 2) / pupils_per_class;
    const int small_school = std::min(11, (pupils + 11) / 12);
    const int count = std::max({1, by_size, small_school});
    std::vector<SchoolClass> classes;
    const int base = count / 11, extra = count % 11;
    for (int grade = 1; grade <= 11; ++grade) {
        const int n = base + (grade <= extra ? 1 : 0);
        for (int k = 0; k < n; ++k) {
            SchoolClass c;
            c.grade = grade;
            c.name = std::to_string(grade) + letters.at(static_cast<std::size_t>(k));
            classes.push_back(std::move(c));
        }
    }
    return classes;
}

std::string person_id(char kind, const std::string& school_prefix, int number, int width) {
    std::string digits = std::to_string(number);
    if (static_cast<int>(digits.size()) < width) {
        digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
    }
    return std::string(1, kind) + "-" + school_prefix + digits;
}

Roster make_roster(Random& rng, int pupils, const std::string& id_prefix) {
    Roster r;
    r.classes = class_layout(pupils);
    const int k = static_cast<int>(r.classes.size());
    std::vector<int> room(static_cast<std::size_t>(k));
    for (int i = 0; i < k; ++i) {
        room[static_cast<std::size_t>(i)] = pupils / k + (i < pupils % k ? 1 : 0);
    }

    std::vector<Family> families;
    int placed = 0;
    while (placed < pupils) {
        Family f;
        f.surname = pick_surname(rng);
        f.father = pick_parent_name(rng, Sex::male, f.surname.patronymics);
        // About one family in seven has two children at the school, one in fifty three.
        int wanted = 1 + (rng.chance(14, 100) ? 1 : 0);
        wanted += wanted == 2 && rng.chance(15, 100) ? 1 : 0;
        int first_class = -1;
        domain::Date twins_born{};
        std::vector<int> grades; // of the children placed, twins apart
        for (int child = 0; child < wanted && placed < pupils; ++child) {
            int c = -1;
            bool twin = false;
            if (child == 0) {
                c = pick_class(rng, r.classes, room, grades);
            } else if (child == 1 && rng.chance(1, 15) &&
                       room[static_cast<std::size_t>(first_class)] > 0) {
                c = first_class; // twins: same class, same birthday
                twin = true;
            } else {
                c = pick_class(rng, r.classes, room, grades);
            }
            if (c < 0) {
                break;
            }
            --room[static_cast<std::size_t>(c)];
            Pupil p;
            p.sex = rng.chance(1, 2) ? Sex::male : Sex::female;
            p.name.last = surname_form(f.surname.male, p.sex);
            p.name.first = pick_child_name(rng, p.sex, f.surname.patronymics);
            // Twins are never given one name: same surname, patronymic and birthday would make
            // them one child entered twice.
            for (int tries = 0; twin && tries < 32 &&
                                p.name.first == r.pupils[static_cast<std::size_t>(
                                                    f.children.front())].name.first;
                 ++tries) {
                p.name.first = pick_child_name(rng, p.sex, f.surname.patronymics);
            }
            if (f.surname.patronymics) {
                p.name.middle = patronymic(f.father, p.sex);
            }
            const int grade = r.classes[static_cast<std::size_t>(c)].grade;
            p.born = twin ? twins_born : birth_date(rng, grade);
            if (child == 0) {
                first_class = c;
                twins_born = p.born;
            }
            if (!twin) {
                grades.push_back(grade);
            }
            p.klass = c;
            p.family = static_cast<int>(families.size());
            f.children.push_back(static_cast<int>(r.pupils.size()));
            r.pupils.push_back(std::move(p));
            ++placed;
        }
        families.push_back(std::move(f));
    }
    r.families = static_cast<int>(families.size());

    // Guardians: the mother nearly always, the father in about six families of ten; now and
    // then a grandmother alone, with a surname of her own.
    std::vector<Guardian> guardians;
    std::vector<int> guardian_family;
    std::unordered_set<std::uint64_t> phones;
    std::set<std::string> emails;
    for (std::size_t fi = 0; fi < families.size(); ++fi) {
        const Family& f = families[fi];
        std::vector<Name> names;
        if (rng.chance(2, 100)) {
            Name g;
            g.last = surname_form(pick_surname(rng).male, Sex::female);
            g.first = pick_parent_name(rng, Sex::female, true);
            g.middle = patronymic(pick_grandfather_name(rng), Sex::female);
            names.push_back(std::move(g));
        } else {
            const bool mother = rng.chance(95, 100);
            const bool father = !mother || rng.chance(60, 100);
            if (mother) {
                names.push_back(parent_name(rng, f, Sex::female));
            }
            if (father) {
                names.push_back(parent_name(rng, f, Sex::male));
            }
        }
        for (auto& n : names) {
            Guardian g;
            g.phone = phone(rng, phones);
            if (rng.chance(85, 100)) {
                g.email = email(n, emails);
            }
            g.name = std::move(n);
            g.children = f.children;
            guardians.push_back(std::move(g));
            guardian_family.push_back(static_cast<int>(fi));
        }
    }
    number_people(r, families, std::move(guardians), std::move(guardian_family), id_prefix);
    make_groups(r);
    return r;
}

int group_of(const Roster& roster, int klass, int subject, Lane lane) {
    if (lane == Lane::whole) {
        return -1;
    }
    const auto& c = roster.classes[static_cast<std::size_t>(klass)];
    const std::string code = subjects()[static_cast<std::size_t>(subject)].code;
    const auto i = static_cast<std::size_t>(lane == Lane::first ? 0 : 1);
    if (code == "ENG") {
        return c.english[i];
    }
    if (code == "INF") {
        return c.informatics[i];
    }
    if (code == "TECH") {
        return c.technology[i];
    }
    return -1;
}

} // namespace schoolctl::app::sample
