#include "app/import/columns.h"

#include <catch2/catch.hpp>

#include "app/import/student_rows.h"
#include "support/exit_code.h"

using namespace schoolctl;

TEST_CASE("headers map by Russian or English name, in any case", "[app][import]") {
    auto map = app::map_columns(app::student_fields(),
                                {"ФАМИЛИЯ", " имя ", "Отчество", "birth_date", "Класс", "Пол"},
                                "s.csv");
    CHECK(map.column(1) == 0u);  // last_name
    CHECK(map.column(2) == 1u);  // first_name
    CHECK(map.column(3) == 2u);  // middle_name
    CHECK(map.column(4) == 3u);  // birth_date
    CHECK(map.column(5) == 4u);  // class
    CHECK_FALSE(map.column(0).has_value());  // no id column
    CHECK(map.unknown_headers == std::vector<std::string>{"Пол"});
}

TEST_CASE("a missing required column or a field claimed twice is exit 65", "[app][import]") {
    CHECK(test::exit_code_of([] {
              app::map_columns(app::student_fields(), {"Фамилия", "Имя"}, "s.csv");
          }) == ExitCode::data);
    CHECK(test::exit_code_of([] {
              app::map_columns(app::student_fields(),
                               {"Фамилия", "last_name", "Имя", "Класс"}, "s.csv");
          }) == ExitCode::data);
    try {
        app::map_columns(app::student_fields(), {"Фамилия", "Имя"}, "s.csv");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "s.csv:1: class: no column for this field (accepted headers: class, «Класс», "
              "«class_name», «grade_class»)");
    }
}
