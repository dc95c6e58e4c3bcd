#include "store/database.h"

#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "store/connection.h"
#include "store/migrations.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/error.h"

using namespace schoolctl;

namespace {

std::int64_t count(store::Database& db, const std::string& table) {
    store::Statement st = db.prepare("SELECT count(*) FROM " + table);
    REQUIRE(st.step() == store::Step::row);
    return st.get_int(0);
}

}  // namespace

TEST_CASE("a new database is private, WAL, with the current schema", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    struct stat st {};
    REQUIRE(::stat((dir / "s.db").c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(store::schema_version(*db) == store::latest_schema_version());
    store::Statement mode = db->prepare("PRAGMA journal_mode");
    REQUIRE(mode.step() == store::Step::row);
    CHECK(mode.get_text(0) == "wal");
    store::Statement fk = db->prepare("PRAGMA foreign_keys");
    REQUIRE(fk.step() == store::Step::row);
    CHECK(fk.get_int(0) == 1);
}

TEST_CASE("creating over an existing file is refused", "[store]") {
    test::TempDir dir;
    store::create_database(dir / "s.db", 1000);
    CHECK(test::exit_code_of([&] { store::create_database(dir / "s.db", 1000); }) == ExitCode::cant_create);
}

TEST_CASE("a transaction rolls back unless committed", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    {
        store::Transaction tx(*db);
        db->exec("INSERT INTO schools(name, created_at) VALUES ('A', 'now')");
    }
    CHECK(count(*db, "schools") == 0);
    {
        store::Transaction tx(*db);
        db->exec("INSERT INTO schools(name, created_at) VALUES ('A', 'now')");
        tx.commit();
    }
    CHECK(count(*db, "schools") == 1);
}

TEST_CASE("a savepoint undoes only its own part", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    store::Transaction tx(*db);
    db->exec("INSERT INTO schools(name, created_at) VALUES ('kept', 'now')");
    {
        store::Savepoint sp(*db, "row");
        db->exec("INSERT INTO schools(name, created_at) VALUES ('undone', 'now')");
    }
    {
        store::Savepoint sp(*db, "row");
        db->exec("INSERT INTO schools(name, created_at) VALUES ('released', 'now')");
        sp.release();
    }
    tx.commit();
    CHECK(count(*db, "schools") == 2);
}

TEST_CASE("optional binds NULL and values round-trip", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    std::optional<std::string> none;
    db->prepare("INSERT INTO schools(name, external_id, created_at) VALUES (?, ?, ?)")
        .bind_all(std::string("Школа «Ёлочка»"), none, std::string("t"))
        .run();
    store::Statement st = db->prepare("SELECT name, external_id FROM schools");
    REQUIRE(st.step() == store::Step::row);
    CHECK(st.get_text(0) == "Школа «Ёлочка»");
    CHECK_FALSE(st.get_optional_text(1).has_value());
}

TEST_CASE("constraint and lock failures carry their exit codes", "[store]") {
    test::TempDir dir;
    auto db = store::create_database(dir / "s.db", 1000);
    CHECK(test::exit_code_of([&] { db->exec("INSERT INTO schools(name, created_at) VALUES ('', 'x')"); }) ==
          ExitCode::data);

    auto other = store::open_database(dir / "s.db", 100);
    store::Transaction hold(*other);
    CHECK(test::exit_code_of([&] { store::Transaction tx(*db); }) == ExitCode::busy);
}

TEST_CASE("databases this binary cannot use are refused with exit 78", "[store]") {
    test::TempDir dir;
    {
        auto db = store::create_database(dir / "new.db", 1000);
        db->exec("PRAGMA user_version = 999");
    }
    CHECK(test::exit_code_of([&] { store::open_database(dir / "new.db", 1000); }) == ExitCode::config);
    {
        store::Database plain(dir / "plain.db", {store::OpenMode::create, 1000});
        plain.exec("CREATE TABLE t(x)");
    }
    CHECK(test::exit_code_of([&] { store::open_database(dir / "plain.db", 1000); }) == ExitCode::config);
    CHECK(test::exit_code_of([&] { store::open_database(dir / "absent.db", 1000); }) == ExitCode::no_input);
}

TEST_CASE("an older schema needs db migrate, which brings it up to date", "[store]") {
    test::TempDir dir;
    {
        // A database as an older binary left it: schema 1 only, marked as such.
        auto db = store::create_database(dir / "s.db", 1000);
        db->exec("PRAGMA user_version = 0");
    }
    if (store::latest_schema_version() > 0) {
        CHECK(test::exit_code_of([&] { store::open_database(dir / "s.db", 1000); }) == ExitCode::config);
    }
    auto db = store::open_database(dir / "s.db", 1000, store::SchemaPolicy::allow_older);
    CHECK(store::check_schema(*db) == store::SchemaState::older);
}

TEST_CASE("every embedded migration is numbered in order from 1", "[store]") {
    const auto& all = store::embedded_migrations();
    REQUIRE_FALSE(all.empty());
    for (std::size_t i = 0; i < all.size(); ++i) {
        CHECK(all[i].number == static_cast<int>(i + 1));
        CHECK_FALSE(all[i].sql.empty());
    }
}
