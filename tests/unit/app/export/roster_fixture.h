#pragma once
// A small roster built in memory: two classes, a subgroup and a stream, staff with and without
// ids, a family whose younger child has no id, and a guardian related in two ways.
#include "app/export/roster_snapshot.h"
#include "domain/person_name.h"

namespace schoolctl::test {

inline store::PersonFields person(std::string last, std::string first, std::string middle,
                                  std::optional<std::string> born, std::optional<std::string> id) {
    std::string key = domain::match_key(domain::full_name({last, first, middle}));
    return {std::move(last), std::move(first), std::move(middle),
            std::move(born), std::move(id),    std::move(key)};
}

inline app::RosterSnapshot small_roster() {
    app::RosterSnapshot r;
    r.school = {1, "ГБОУ Школа № 1234", "Школа № 1234", "msk-1234", ""};
    r.year = {1, "2026/27", "2026-09-01", "2027-05-26"};
    r.subjects = {{1, "ENG", "Английский язык", "five_point"},
                  {2, "MATH", "Математика, алгебра", "five_point"}};
    store::StaffRow t1;
    t1.person_id = 10;
    t1.person = person("Захарова", "Ирина", "Викторовна", "1980-03-04", "T-1");
    t1.position = "Учитель";
    t1.subject_codes = {"ENG", "MATH"};
    store::StaffRow t2;
    t2.person_id = 11;
    t2.person = person("Орлов", "Дмитрий", "", std::nullopt, std::nullopt);
    r.staff = {t1, t2};
    r.classes = {{100, 5, "А", 10}, {101, 6, "Б", std::nullopt}};
    r.pupils = {
        {20, person("Абрамова", "Дарья", "Евгеньевна", "2015-10-06", "S-1"), 100, "F1"},
        {21, person("Абрамов", "Пётр", "", "2017-01-02", std::nullopt), 101, "F1"},
        {22, person("Быков", "Ярослав", "Олегович", "2016-08-01", "S-3"), 100, std::nullopt},
    };
    r.guardians = {
        {{30, person("Абрамова", "Наталья", "Петровна", std::nullopt, "G-1"), "+79861119272",
          "n@example.org"},
         {{30, 20, "мать"}, {30, 21, "мать"}}},
        {{31, person("Быков", "Олег", "", std::nullopt, std::nullopt), "", ""},
         {{31, 22, "отец"}, {31, 20, "отчим"}}},
    };
    r.groups = {
        {{200, "5А англ. 1", 100, "subgroup"}, {20, 21, 22}},
        {{201, "Поток, математика", std::nullopt, "stream"}, {21, 22}},
    };
    r.assignments = {{10, 1, std::nullopt, 200},
                     {11, 2, 100, std::nullopt},
                     {10, 2, 100, std::nullopt},
                     {11, 2, std::nullopt, 201}};
    r.logins = {{10, "zakharova.iv"}};
    r.index();
    return r;
}

} // namespace schoolctl::test
