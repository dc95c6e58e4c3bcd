#pragma once
// Russian names at their usual frequencies: children born 2008–2020, their parents and
// grandparents, and surnames from the most common down (Zipf-like). Ё where Russians write it:
// Артём, Алёна, Фёдор, Пётр; Королёв, Соловьёв, Фёдоров, Ёлкин. Women's surnames take the
// female form (Королёва, Покровская); a few families have no patronymics (Ким, Алиев).
#include "app/sample/random.h"

#include <string>
#include <string_view>

namespace schoolctl::app::sample {

enum class Sex { male, female };

struct Name {
    std::string last;
    std::string first;
    std::string middle; // empty: no patronymic
};

// A family's surname in its male form, and whether the family uses patronymics.
struct Surname {
    std::string male;
    bool patronymics = true;
};

Surname pick_surname(Random& rng);
// A child's first name: common names often, rare ones seldom.
std::string pick_child_name(Random& rng, Sex sex, bool patronymics);
// A parent's first name (born 1975–1995).
std::string pick_parent_name(Random& rng, Sex sex, bool patronymics);
// A grandfather's first name: the source of a parent's patronymic.
std::string pick_grandfather_name(Random& rng);

// Иванов → Иванова, Покровский → Покровская, Толстой → Толстая; Ким, Шмидт stay.
std::string surname_form(std::string_view male_surname, Sex sex);
// Сергей → Сергеевич / Сергеевна; Илья → Ильич / Ильинична.
std::string patronymic(std::string_view father, Sex sex);
// Lower-case Latin letters for an e-mail address: Алёна → alena, Щукин → shchukin.
std::string latin(std::string_view cyrillic);

} // namespace schoolctl::app::sample
