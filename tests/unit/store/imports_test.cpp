#include "store/imports.h"

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "support/temp_dir.h"

using namespace schoolctl;

TEST_CASE("the import history keeps the newest rows, oldest first", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    db->exec("INSERT INTO schools(name, created_at) VALUES ('Школа', 't')");
    for (int i = 1; i <= 3; ++i) {
        store::ImportRecord r;
        r.school_id = 1;
        r.kind = "students";
        r.file_name = "f" + std::to_string(i) + ".csv";
        r.sha256 = std::string(64, 'a');
        r.actor = "admin";
        r.at = "2026-11-16T09:00:0" + std::to_string(i) + "Z";
        r.rows = i;
        store::insert_import(*db, r);
    }
    auto all = store::list_imports(*db, 1, 0);
    REQUIRE(all.size() == 3);
    CHECK(all.front().file_name == "f1.csv");
    auto newest = store::list_imports(*db, 1, 2);
    REQUIRE(newest.size() == 2);
    CHECK(newest[0].file_name == "f2.csv");
    CHECK(newest[1].file_name == "f3.csv");
    CHECK(store::list_imports(*db, 2, 0).empty());
}
