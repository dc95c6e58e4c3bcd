// Guardians' consents on a real database: whether one holds on a day follows its dates, its
// revocation and the guardian's links; the listings find a pupil's consents, including those
// given for every child of one of their guardians.
#include <catch2/catch.hpp>

#include "app/init.h"
#include "store/connection.h"
#include "store/consents.h"
#include "store/guardians.h"
#include "store/pupils.h"
#include "support/temp_dir.h"

using namespace schoolctl;

namespace {

store::PersonFields person(const std::string& last, const std::string& first,
                           const std::string& external_id) {
    return {last, first, "", std::nullopt, external_id, last + " " + first};
}

// Two children of one mother; a second guardian of the first child only.
struct Family {
    test::TempDir dir;
    std::unique_ptr<store::Database> db;
    std::int64_t petr = 0, anna = 0, mother = 0, grandmother = 0;

    Family() {
        domain::Settings settings;
        settings.school_name = "Школа № 1";
        settings.year_name = "2026/27";
        settings.year_dates = domain::DateRange{*domain::parse_date("2026-09-01"),
                                                *domain::parse_date("2027-05-26")};
        app::init_database(dir / "s.db", settings);
        db = store::open_database(dir / "s.db", 1000);
        store::Transaction tx(*db);
        petr = store::insert_pupil(*db, 1, person("Ёлкин", "Пётр", "S-1"), "t");
        anna = store::insert_pupil(*db, 1, person("Ёлкина", "Анна", "S-2"), "t");
        mother = store::insert_guardian(*db, 1, person("Ёлкина", "Ольга", "G-1"), "", "", "t");
        grandmother =
            store::insert_guardian(*db, 1, person("Ёлкина", "Вера", "G-2"), "", "", "t");
        store::link_guardian(*db, mother, petr, "мать");
        store::link_guardian(*db, mother, anna, "мать");
        store::link_guardian(*db, grandmother, petr, "бабушка");
        tx.commit();
    }

    std::int64_t give(std::int64_t guardian, std::optional<std::int64_t> pupil,
                      const std::string& kind, const std::string& on) {
        store::Transaction tx(*db);
        store::ConsentRow row;
        row.guardian_id = guardian;
        row.pupil_id = pupil;
        row.kind = kind;
        row.given_on = on;
        row.recorded_at = "2026-09-01T09:00:00Z";
        auto id = store::insert_consent(*db, row);
        tx.commit();
        return id;
    }
};

}  // namespace

TEST_CASE("a consent holds from its date until it is revoked, for the children it names",
          "[store][consent]") {
    Family f;
    auto health = f.give(f.grandmother, f.petr, "health", "2026-09-10");
    CHECK_FALSE(store::has_consent(*f.db, f.petr, "health", "2026-09-09"));
    CHECK(store::has_consent(*f.db, f.petr, "health", "2026-09-10"));
    CHECK_FALSE(store::has_consent(*f.db, f.anna, "health", "2026-09-10"));  // not her child
    CHECK_FALSE(store::has_consent(*f.db, f.petr, "photo", "2026-09-10"));   // another kind
    {
        store::Transaction tx(*f.db);
        store::revoke_consent(*f.db, health, "2026-11-20", "заявление");
        tx.commit();
    }
    CHECK(store::has_consent(*f.db, f.petr, "health", "2026-11-19"));
    CHECK_FALSE(store::has_consent(*f.db, f.petr, "health", "2026-11-20"));

    // The mother's consent for every child covers both, and only while she is their guardian.
    f.give(f.mother, std::nullopt, "photo", "2026-09-01");
    CHECK(store::has_consent(*f.db, f.petr, "photo", "2026-10-01"));
    CHECK(store::has_consent(*f.db, f.anna, "photo", "2026-10-01"));
    {
        store::Transaction tx(*f.db);
        store::unlink_guardian(*f.db, f.mother, f.anna);
        tx.commit();
    }
    CHECK_FALSE(store::has_consent(*f.db, f.anna, "photo", "2026-10-01"));
}

TEST_CASE("a pupil's consents include those given for every child of their guardians",
          "[store][consent]") {
    Family f;
    f.give(f.mother, std::nullopt, "personal_data", "2026-09-01");
    f.give(f.grandmother, f.petr, "health", "2026-09-02");
    f.give(f.mother, f.anna, "photo", "2026-09-03");
    store::ConsentFilter about_petr;
    about_petr.pupil_id = f.petr;
    auto petr = store::list_consents(*f.db, 1, about_petr);
    REQUIRE(petr.size() == 2);
    // By guardian name: Ёлкина Вера before Ёлкина Ольга.
    CHECK((petr[0].kind == "health" && petr[0].pupil && petr[0].pupil->first == "Пётр"));
    CHECK((petr[1].kind == "personal_data" && !petr[1].pupil));
    store::ConsentFilter photos;
    photos.kind = "photo";
    auto all_photos = store::list_consents(*f.db, 1, photos);
    REQUIRE(all_photos.size() == 1);
    CHECK(all_photos[0].guardian_external_id == "G-1");
    CHECK(all_photos[0].pupil_external_id == "S-2");
    CHECK(store::list_consents(*f.db, 2, {}).empty());  // another school's
}
