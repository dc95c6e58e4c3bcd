#include "app/export/roster_tables.h"
#include "app/import/importers.h"
#include "roster_fixture.h"

#include <catch2/catch.hpp>
#include <set>

using namespace schoolctl;

namespace {

const app::RosterTable& table(const app::RosterTables& t, const std::string& kind) {
    for (const auto& table : t.tables) {
        if (table.kind == kind) {
            return table;
        }
    }
    FAIL("no table " << kind);
    throw std::logic_error("unreachable");
}

std::string text(const report::Cell& cell) {
    if (const auto* s = std::get_if<std::string>(&cell)) {
        return *s;
    }
    if (const auto* d = std::get_if<domain::Date>(&cell)) {
        return domain::format_iso(*d);
    }
    return "";
}

std::vector<std::string> row(const app::RosterTables& t, const std::string& kind, std::size_t i) {
    std::vector<std::string> out;
    for (const auto& cell : table(t, kind).rows.at(i)) {
        out.push_back(text(cell));
    }
    return out;
}

} // namespace

// A new import field the export does not fill, or an export field no import reads, would make
// export -> import lose data without a word.
TEST_CASE("the export writes exactly the fields each import reads", "[app][export]") {
    for (const auto& kind : app::roster_kinds()) {
        INFO(kind);
        std::set<std::string> exported;
        for (const auto& f : app::exported_fields(kind)) {
            exported.insert(f);
        }
        std::set<std::string> imported;
        bool found = false;
        for (const auto& k : app::import_kinds()) {
            if (k.name == kind) {
                found = true;
                for (const auto& spec : k.make()->fields()) {
                    imported.insert(spec.name);
                }
            }
        }
        REQUIRE(found);
        CHECK(exported == imported);
    }
}

TEST_CASE("roster tables: headers in the importer's order, references as imports resolve them",
          "[app][export]") {
    app::RosterSnapshot r = test::small_roster();
    app::RosterTables t = app::roster_tables(r);

    std::vector<std::string> kinds;
    for (const auto& table : t.tables) {
        kinds.push_back(table.kind);
    }
    CHECK(kinds == app::roster_kinds());
    CHECK(table(t, "students").header == std::vector<std::string>{"external_id", "last_name",
                                                                  "first_name", "middle_name",
                                                                  "birth_date", "class", "family"});
    CHECK(row(t, "students", 1) ==
          std::vector<std::string>{"", "Абрамов", "Пётр", "", "2017-01-02", "6Б", "F1"});
    CHECK(row(t, "staff", 0) == std::vector<std::string>{"T-1", "Захарова", "Ирина", "Викторовна",
                                                         "1980-03-04", "Учитель", "ENG, MATH"});
    CHECK(row(t, "classes", 0) == std::vector<std::string>{"5А", "T-1"});
    CHECK(row(t, "classes", 1) == std::vector<std::string>{"6Б", ""});

    // The child without an id is linked through the family key only this guardian's children
    // share; two relations become one, with a warning.
    CHECK(row(t, "guardians", 0) == std::vector<std::string>{"G-1", "Абрамова", "Наталья",
                                                             "Петровна", "+79861119272",
                                                             "n@example.org", "S-1", "F1", "мать"});
    CHECK(row(t, "guardians", 1) ==
          std::vector<std::string>{"", "Быков", "Олег", "", "", "", "S-3, S-1", "", "отец"});

    // A subgroup keeps only the members still in its class; a stream names a pupil without an
    // id by full name.
    CHECK(row(t, "groups", 0) ==
          std::vector<std::string>{"5А англ. 1", "5А", "subgroup", "S-1, S-3"});
    CHECK(row(t, "groups", 1) ==
          std::vector<std::string>{"Поток, математика", "", "stream", "Абрамов Пётр, S-3"});

    const auto& assignments = table(t, "assignments");
    REQUIRE(assignments.rows.size() == 5);
    CHECK(row(t, "assignments", 0) ==
          std::vector<std::string>{"T-1", "", "5А", "", "class_teacher"});
    CHECK(row(t, "assignments", 1) ==
          std::vector<std::string>{"T-1", "ENG", "", "5А англ. 1", "teacher"});
    CHECK(row(t, "assignments", 2) ==
          std::vector<std::string>{"Орлов Дмитрий", "MATH", "5А", "", "teacher"});

    REQUIRE(t.warnings.size() == 2);
    CHECK_THAT(t.warnings[0], Catch::Contains("«Быков Олег» is related to their children in 2"));
    CHECK_THAT(t.warnings[1], Catch::Contains("subgroup «5А англ. 1»: 1 members"));
}

TEST_CASE("a guardian's child reachable neither by id nor by an own family key", "[app][export]") {
    app::RosterSnapshot r = test::small_roster();
    r.pupils[2].family_key = "F1"; // Быков joins the family key of the Абрамовы
    r.index();
    app::RosterTables t = app::roster_tables(r);
    // G-1 cannot use F1 any more (it would link Быков too): only the child with an id is kept.
    CHECK(row(t, "guardians", 0)[6] == "S-1");
    CHECK(row(t, "guardians", 0)[7] == "");
    CHECK_THAT(t.warnings[0], Catch::Contains("«G-1»: 1 of their children have no id"));
}
