// Permission checks against a real database: grants derived from the roster follow it as it
// changes, and a grant for one school reaches nothing in another.
#include <catch2/catch.hpp>

#include "app/init.h"
#include "app/session.h"
#include "store/access_scope.h"
#include "store/accounts.h"
#include "store/guardians.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "store/staff.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/crypto.h"
#include "util/error.h"

using namespace schoolctl;
using domain::Permission;

namespace {

domain::Settings school_settings(const std::string& name) {
    domain::Settings s;
    s.school_name = name;
    s.year_name = "2026/27";
    s.year_dates = domain::DateRange{*domain::parse_date("2026-09-01"),
                                     *domain::parse_date("2027-05-26")};
    return s;
}

store::PersonFields person(const std::string& last, const std::string& first,
                           const std::string& external_id) {
    return {last, first, "", std::nullopt, external_id, last + " " + first};
}

const std::string today = "2026-11-16";

// Школа № 1 with 5А (class teacher Соловьёва), 5Б, a pupil in each and one guardian of the 5А
// pupil; Школа № 2 with a class of its own.
struct TwoSchools {
    test::TempDir dir;
    std::unique_ptr<store::Database> db;
    std::int64_t school1 = 0, school2 = 0, class_5a = 0, class_5b = 0, class_other = 0;
    std::int64_t pupil_a = 0, pupil_b = 0, guardian = 0, teacher = 0;

    TwoSchools() {
        auto settings = school_settings("Школа № 1");
        app::init_database(dir / "s.db", settings);
        db = store::open_database(dir / "s.db", 1000);
        store::Transaction tx(*db);
        school1 = 1;
        school2 = store::insert_school(*db, school_settings("Школа № 2"), "t");
        auto year1 = store::current_year(*db, school1, today)->id;
        auto year2 = store::current_year(*db, school2, today)->id;
        class_5a = store::insert_class(*db, year1, 5, "А");
        class_5b = store::insert_class(*db, year1, 5, "Б");
        class_other = store::insert_class(*db, year2, 5, "А");
        pupil_a = store::insert_pupil(*db, school1, person("Ёлкин", "Пётр", "S-1"), "t");
        pupil_b = store::insert_pupil(*db, school1, person("Зайцева", "Анна", "S-2"), "t");
        store::start_in_class(*db, pupil_a, class_5a, "2026-09-01");
        store::start_in_class(*db, pupil_b, class_5b, "2026-09-01");
        guardian = store::insert_guardian(*db, school1, person("Ёлкина", "Ольга", "G-1"), "", "",
                                          "t");
        store::link_guardian(*db, guardian, pupil_a, "мать");
        teacher = store::insert_staff(*db, school1, person("Соловьёва", "Елена", "T-1"),
                                      "Учитель", "t");
        store::set_class_teacher(*db, class_5a, teacher);
        tx.commit();
    }

    domain::Target pupil(std::int64_t id) { return store::pupil_target(*db, id, today); }
    std::vector<domain::Grant> grants_of(std::int64_t person_id) {
        return store::roster_grants_of(*db, person_id, today);
    }
};

}  // namespace

TEST_CASE("roster grants follow a class move and a guardian link", "[app][access]") {
    TwoSchools s;
    auto can = [&](std::int64_t who, Permission p, std::int64_t pupil) {
        return domain::any_grant_allows(s.grants_of(who), p, s.pupil(pupil));
    };
    CHECK(can(s.teacher, Permission::marks_read, s.pupil_a));
    CHECK_FALSE(can(s.teacher, Permission::marks_read, s.pupil_b));
    CHECK(can(s.guardian, Permission::marks_read, s.pupil_a));
    CHECK_FALSE(can(s.guardian, Permission::marks_read, s.pupil_b));
    CHECK(can(s.pupil_a, Permission::marks_read, s.pupil_a));
    CHECK_FALSE(can(s.pupil_a, Permission::marks_read, s.pupil_b));

    SECTION("a pupil moving to 5Б leaves the 5А class teacher's reach, not the guardian's") {
        store::move_to_class(*s.db, s.pupil_a, s.class_5b, "2026-11-10");
        CHECK_FALSE(can(s.teacher, Permission::marks_read, s.pupil_a));
        CHECK(can(s.guardian, Permission::marks_read, s.pupil_a));
    }
    SECTION("an unlinked guardian sees the child no more; a pupil who left takes it all away") {
        store::link_guardian(*s.db, s.guardian, s.pupil_b, "");
        CHECK(can(s.guardian, Permission::marks_read, s.pupil_b));
        store::unlink_guardian(*s.db, s.guardian, s.pupil_b);
        CHECK_FALSE(can(s.guardian, Permission::marks_read, s.pupil_b));
        store::pupil_left(*s.db, s.pupil_a, "2026-11-10");
        CHECK(s.grants_of(s.guardian).empty());
        CHECK(s.grants_of(s.pupil_a).empty());
    }
    SECTION("a class teacher who left holds nothing") {
        store::staff_left(*s.db, s.teacher, "2026-11-10");
        CHECK(s.grants_of(s.teacher).empty());
    }
}

TEST_CASE("a secretary of one school touches nothing of another", "[app][access]") {
    TwoSchools s;
    std::string token = crypto::random_token();
    {
        store::Transaction tx(*s.db);
        store::NewAccount account;
        account.login = "clerk";
        auto id = store::insert_account(*s.db, account, "t");
        store::insert_grant(*s.db, id,
                            {domain::Role::secretary, domain::Scope::school, s.school1, {}, {}, {},
                             {}},
                            "t");
        store::insert_token(*s.db, {id, "script", "t", crypto::token_hash(token), std::nullopt},
                            "t");
        tx.commit();
    }
    auto settings = school_settings("Школа № 1");
    app::SessionRequest request;
    request.db_path = s.dir / "s.db";
    request.settings = &settings;
    request.session_file = s.dir / "none";
    request.token = token;

    request.school = "Школа № 1";
    auto own = app::open_session(request);
    CHECK(own->allowed(Permission::roster_write));
    CHECK(own->allowed(Permission::roster_read, s.pupil(s.pupil_b)));

    request.school = "Школа № 2";
    auto other = app::open_session(request);
    CHECK_FALSE(other->allowed(Permission::roster_write));
    CHECK_FALSE(other->allowed(Permission::roster_read));
    CHECK(test::exit_code_of([&] { other->require(Permission::roster_write); }) ==
          ExitCode::no_permission);
    domain::Target their_class = other->school_target();
    their_class.class_id = s.class_other;
    CHECK(test::exit_code_of([&] {
              other->require(Permission::credentials_issue, their_class, "class 5А");
          }) == ExitCode::no_permission);
}
