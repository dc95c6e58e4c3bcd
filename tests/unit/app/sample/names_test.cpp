#include "app/sample/names.h"

#include <catch2/catch.hpp>
#include <map>

using namespace schoolctl::app::sample;

TEST_CASE("women's surnames take the female form", "[sample][names]") {
    CHECK(surname_form("Иванов", Sex::female) == "Иванова");
    CHECK(surname_form("Королёв", Sex::female) == "Королёва");
    CHECK(surname_form("Ёлкин", Sex::female) == "Ёлкина");
    CHECK(surname_form("Покровский", Sex::female) == "Покровская");
    CHECK(surname_form("Толстой", Sex::female) == "Толстая");
    CHECK(surname_form("Лебедев-Краснов", Sex::female) == "Лебедева-Краснова");
    CHECK(surname_form("Ким", Sex::female) == "Ким");
    CHECK(surname_form("Шмидт", Sex::female) == "Шмидт");
    CHECK(surname_form("Фёдоров", Sex::male) == "Фёдоров");
}

TEST_CASE("patronymics from the father's name", "[sample][names]") {
    CHECK(patronymic("Сергей", Sex::male) == "Сергеевич");
    CHECK(patronymic("Сергей", Sex::female) == "Сергеевна");
    CHECK(patronymic("Илья", Sex::female) == "Ильинична");
    CHECK(patronymic("Пётр", Sex::male) == "Петрович");
    CHECK(patronymic("Фёдор", Sex::female) == "Фёдоровна");
}

TEST_CASE("e-mail names in Latin letters", "[sample][names]") {
    CHECK(latin("Алёна") == "alena");
    CHECK(latin("Щукин") == "shchukin");
    CHECK(latin("Артём") == "artem");
    CHECK(latin("Юлия") == "yuliya");
}

TEST_CASE("common names are frequent, rare ones seldom, and Ё is there", "[sample][names]") {
    Random rng(1);
    std::map<std::string, int> surnames, girls, boys;
    for (int i = 0; i < 20'000; ++i) {
        ++surnames[pick_surname(rng).male];
        ++girls[pick_child_name(rng, Sex::female, true)];
        ++boys[pick_child_name(rng, Sex::male, true)];
    }
    // The most common surname well ahead of one from the end of the list.
    CHECK(surnames["Смирнов"] > 5 * std::max(1, surnames["Нефёдов"]));
    CHECK(girls["София"] > 4 * std::max(1, girls["Таисия"]));
    CHECK(surnames.count("Королёв") == 1);
    CHECK(surnames.count("Фёдоров") == 1);
    CHECK(girls.count("Алёна") == 1);
    CHECK(boys.count("Артём") == 1);
    CHECK(boys["Артём"] > boys["Савелий"]);
    // A family in about sixty has no patronymics.
    int foreign = 0;
    for (int i = 0; i < 6'000; ++i) {
        foreign += pick_surname(rng).patronymics ? 0 : 1;
    }
    CHECK(foreign > 50);
    CHECK(foreign < 160);
}
