#include "app/import/columns.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "app/import/students.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"

using namespace schoolctl;

namespace {
const std::vector<app::FieldSpec>& student_fields() {
    static auto importer = app::make_student_importer();
    return importer->fields();
}
}  // namespace

TEST_CASE("headers map by Russian or English name, in any case", "[app][import]") {
    auto map = app::map_columns(student_fields(),
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
              app::map_columns(student_fields(), {"Фамилия", "Имя"}, "s.csv");
          }) == ExitCode::data);
    CHECK(test::exit_code_of([] {
              app::map_columns(student_fields(),
                               {"Фамилия", "last_name", "Имя", "Класс"}, "s.csv");
          }) == ExitCode::data);
    try {
        app::map_columns(student_fields(), {"Фамилия", "Имя"}, "s.csv");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) ==
              "s.csv:1: class: no column for this field (accepted headers: class, «Класс», "
              "«class_name», «grade_class»; or name the column in a --mapping file)");
    }
}

TEST_CASE("a mapping file names columns the aliases do not know", "[app][import]") {
    test::TempDir dir;
    auto path = (dir.path() / "map.toml").string();
    std::ofstream(path) << "[columns]\nlast_name = \"Фамилия ученика\"\nclass = \"Кл.\"\n"
                           "[ignore]\ncolumns = [\"№\"]\n";
    auto mapping = formats::read_mapping(path);
    auto map = app::map_columns(student_fields(), {"№", "Фамилия ученика", "Имя", "Кл."},
                                "s.csv", 1, &mapping);
    CHECK(map.column(1) == 1u);
    CHECK(map.column(2) == 2u);
    CHECK(map.column(5) == 3u);
    CHECK(map.unknown_headers.empty());  // "№" is ignored on purpose

    SECTION("a field the import does not have is a configuration error at its line") {
        std::ofstream(path) << "[columns]\nlast_name = \"Фамилия\"\nsurname2 = \"X\"\n";
        auto bad = formats::read_mapping(path);
        try {
            app::map_columns(student_fields(), {"Фамилия", "Имя", "Класс"}, "s.csv", 1, &bad);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.code() == ExitCode::config);
            CHECK_THAT(e.what(), Catch::StartsWith(path + ":3: columns.surname2: this import "
                                                          "has no field \"surname2\""));
        }
    }
    SECTION("a header the file does not have names the file's columns") {
        std::ofstream(path) << "[columns]\nclass = \"Класс ученика\"\n";
        auto bad = formats::read_mapping(path);
        try {
            app::map_columns(student_fields(), {"Фамилия", "Имя", "Класс"}, "s.csv", 1, &bad);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(std::string(e.what()) ==
                  path + ":2: columns.class: s.csv has no column «Класс ученика» (its columns: "
                         "«Фамилия», «Имя», «Класс»)");
        }
    }
    SECTION("TOML mistakes name the line") {
        std::ofstream(path) << "[columns]\nlast_name = Фамилия\n";
        CHECK(test::exit_code_of([&] { formats::read_mapping(path); }) == ExitCode::config);
        std::ofstream(path) << "[colums]\nlast_name = \"Фамилия\"\n";
        CHECK(test::exit_code_of([&] { formats::read_mapping(path); }) == ExitCode::config);
    }
    SECTION("a missing mapping file is exit 66") {
        CHECK(test::exit_code_of([&] { formats::read_mapping(path + ".nope"); }) ==
              ExitCode::no_input);
    }
}
