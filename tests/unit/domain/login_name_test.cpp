#include "domain/login_name.h"

#include <catch2/catch.hpp>
#include <set>

using namespace schoolctl::domain;

TEST_CASE("logins are the BGN romanisation of surname and first name", "[domain][login]") {
    CHECK(login_base({"Иванов", "Пётр", "Сергеевич"}) == "ivanov.petr");
    CHECK(login_base({"Ёлкин", "Фёдор", ""}) == "yelkin.fedor");
    CHECK(login_base({"Щукина", "Юлия", "Андреевна"}) == "shchukina.yuliya");
    CHECK(login_base({"Соловьёва", "Елена", "Александровна"}) == "solovyeva.yelena");
    CHECK(login_base({"Лебедева-Краснова", "Варвара", ""}) == "lebedeva-krasnova.varvara");
    CHECK(login_base({"Мамедова", "Айсель", ""}) == "mamedova.aysel");
    CHECK(login_base({"Подъячев", "Илья", ""}) == "podyachev.ilya");
}

TEST_CASE("names already in Latin letters are folded to ASCII", "[domain][login]") {
    CHECK(login_base({"Schmidt", "Émilie", ""}) == "schmidt.emilie");
    CHECK(login_base({"O'Neil", "Anna", ""}) == "oneil.anna");
}

TEST_CASE("a name with nothing romanisable still gives a login", "[domain][login]") {
    CHECK(login_base({"—", "", ""}) == "user");
    CHECK(login_base({"Ким", "", ""}) == "kim");
}

TEST_CASE("a login taken gets the first free numeric suffix", "[domain][login]") {
    std::set<std::string> taken = {"ivanov.petr", "ivanov.petr2", "ivanov.petr4"};
    auto is_taken = [&](const std::string& l) { return taken.contains(l); };
    CHECK(unique_login("ivanov.petr", is_taken) == "ivanov.petr3");
    CHECK(unique_login("petrov.ivan", is_taken) == "petrov.ivan");
}
