#include "store/audit.h"

#include <catch2/catch.hpp>

#include "store/connection.h"
#include "support/temp_dir.h"
#include "util/crypto.h"
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

TEST_CASE("a purge redacts a row it lists and the chain still verifies", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    for (int i = 1; i <= 4; ++i) {
        append(*db, "pupil.create", std::to_string(i));
    }
    SECTION("listed by the purge row") {
        store::Transaction tx(*db);
        store::append_audit(*db, {1, "admin", store::purge_action, "school", "1",
                                  R"({"redacted":[2]})"},
                            "2026-11-17T09:00:00Z");
        store::redact_audit_entry(*db, 2, "admin", R"({"purged":true})");
        tx.commit();
        auto check = store::verify_audit_chain(*db);
        CHECK_FALSE(check.broken_at.has_value());
        CHECK(check.rows == 5);
        CHECK(check.redacted == 1);
        auto rows = store::list_audit(*db, {});
        CHECK(rows[1].redacted);
        CHECK(rows[1].record.details == R"({"purged":true})");
    }
    SECTION("redacted by hand, listed by no purge") {
        store::redact_audit_entry(*db, 3, "admin", "{}");
        auto check = store::verify_audit_chain(*db);
        REQUIRE(check.broken_at.has_value());
        CHECK(*check.broken_at == 3);
    }
    SECTION("a redacted purge row cannot vouch for others") {
        store::Transaction tx(*db);
        store::append_audit(*db, {1, "admin", store::purge_action, "school", "1",
                                  R"({"redacted":[]})"},
                            "2026-11-17T09:00:00Z");
        tx.commit();
        store::redact_audit_entry(*db, 2, "admin", "{}");
        store::redact_audit_entry(*db, 5, "admin", R"({"redacted":[2,5]})");
        auto check = store::verify_audit_chain(*db);
        REQUIRE(check.broken_at.has_value());
        CHECK(*check.broken_at == 2);
    }
    SECTION("an update that is not a redaction is refused") {
        CHECK_THROWS_AS(db->exec("UPDATE audit_log SET details = '{}' WHERE id = 1"), Error);
        CHECK_THROWS_AS(db->exec("UPDATE audit_log SET salt = NULL, hash = 'x' WHERE id = 1"),
                        Error);
        CHECK_FALSE(store::verify_audit_chain(*db).broken_at.has_value());
    }
}

namespace {

// The rule of schemas 1-8, written out here independently of the store's code.
std::string old_rule_hash(const std::string& prev, const std::string& at, const std::string& actor,
                          const std::string& action, const std::string& object_id,
                          const std::string& details) {
    std::string data = prev;
    for (const std::string& part : {at, actor, action, std::string("pupil"), object_id, details}) {
        data += '\x1f';
        data += part;
    }
    data += '\x1f';
    data += "1";
    return crypto::sha256_hex(data);
}

// A log as schemas 1-8 wrote it: rows hashed under the old rule, no salt.
std::string write_old_rule_log(store::Database& db, int rows) {
    db.exec("DROP TRIGGER audit_log_no_update");
    std::string prev(64, '0');
    for (int i = 1; i <= rows; ++i) {
        std::string details = R"({"new":{"last_name":"Фёдоров"}})";
        std::string hash =
            old_rule_hash(prev, "2026-11-16T09:00:00Z", "admin", "pupil.create",
                          std::to_string(i), details);
        store::Statement st = db.prepare(
            "INSERT INTO audit_log(at, account_id, actor, action, object_type, object_id, "
            "details, prev_hash, hash) VALUES ('2026-11-16T09:00:00Z', 1, 'admin', "
            "'pupil.create', 'pupil', ?, ?, ?, ?)");
        st.bind_all(std::to_string(i), details, prev, hash);
        st.run();
        prev = hash;
    }
    db.exec(
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN NOT (OLD.salt IS NOT "
        "NULL AND NEW.salt IS NULL AND NEW.hash = OLD.hash) BEGIN SELECT RAISE(ABORT, 'x'); END");
    return prev;
}

}  // namespace

TEST_CASE("schema 9 re-chains an old-rule log after verifying it", "[store][audit]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    std::string old_head = write_old_rule_log(*db, 3);

    SECTION("an intact log is re-chained and the old head recorded") {
        store::Transaction tx(*db);
        store::rechain_audit_log(*db, "2026-11-18T09:00:00Z");
        tx.commit();
        auto check = store::verify_audit_chain(*db);
        CHECK_FALSE(check.broken_at.has_value());
        CHECK(check.rows == 4);
        auto rows = store::list_audit(*db, {});
        CHECK(rows.back().record.action == "audit.rechain");
        CHECK(rows.back().record.details == R"({"old_head":"3:)" + old_head + R"(","rows":3})");
        CHECK(rows[0].record.details == R"({"new":{"last_name":"Фёдоров"}})");
        // The trigger is back: only redactions pass.
        CHECK_THROWS_AS(db->exec("UPDATE audit_log SET details = '{}' WHERE id = 1"), Error);
    }
    SECTION("a broken log is refused and left as it was") {
        db->exec("DROP TRIGGER audit_log_no_update");
        db->exec("UPDATE audit_log SET actor = 'mallory' WHERE id = 2");
        store::Transaction tx(*db);
        CHECK_THROWS_AS(store::rechain_audit_log(*db, "2026-11-18T09:00:00Z"), Error);
        CHECK(*store::audit_hash_of(*db, 3) == old_head);
    }
}
