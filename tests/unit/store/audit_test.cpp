#include "store/audit.h"

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "support/temp_dir.h"
#include "util/error.h"

using namespace schoolctl;

namespace {

void append(store::Database& db, const std::string& action, const std::string& id) {
    store::Transaction tx(db);
    store::append_audit(db, {1, "admin", action, "pupil", id, R"({"new":{"class":"5А"}})"},
                        "2026-11-16T09:00:00Z");
    tx.commit();
}

}  // namespace

TEST_CASE("the audit chain verifies, and finds an altered or removed row", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    for (int i = 1; i <= 5; ++i) {
        append(*db, "pupil.create", std::to_string(i));
    }
    auto ok = store::verify_audit_chain(*db);
    CHECK(ok.rows == 5);
    CHECK_FALSE(ok.broken_at.has_value());

    SECTION("altered") {
        db->exec("DROP TRIGGER audit_log_no_update");
        db->exec("UPDATE audit_log SET details = '{}' WHERE id = 3");
        auto check = store::verify_audit_chain(*db);
        REQUIRE(check.broken_at.has_value());
        CHECK(*check.broken_at == 3);
    }
    SECTION("removed") {
        db->exec("DROP TRIGGER audit_log_no_delete");
        db->exec("DELETE FROM audit_log WHERE id = 2");
        auto check = store::verify_audit_chain(*db);
        REQUIRE(check.broken_at.has_value());
        CHECK(*check.broken_at == 3);
    }
}

TEST_CASE("the audit log refuses UPDATE and DELETE", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    append(*db, "pupil.create", "1");
    CHECK_THROWS_AS(db->exec("UPDATE audit_log SET actor = 'x'"), Error);
    CHECK_THROWS_AS(db->exec("DELETE FROM audit_log"), Error);
    CHECK(store::verify_audit_chain(*db).rows == 1);
}

TEST_CASE("an audit row rolls back with the change it describes", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    {
        store::Transaction tx(*db);
        store::append_audit(*db, {1, "admin", "pupil.create", "pupil", "1", "{}"}, "t");
    }
    CHECK(store::list_audit(*db, {}).empty());
}

TEST_CASE("audit rows filter by time, object and action", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    append(*db, "pupil.create", "1");
    append(*db, "pupil.update", "1");
    append(*db, "import.students", "");
    store::AuditFilter by_object;
    by_object.object_type = "pupil";
    by_object.object_id = "1";
    CHECK(store::list_audit(*db, by_object).size() == 2);
    store::AuditFilter by_action;
    by_action.action_prefix = "pupil.";
    CHECK(store::list_audit(*db, by_action).size() == 2);
    store::AuditFilter later;
    later.since = "2026-11-17";
    CHECK(store::list_audit(*db, later).empty());
}
