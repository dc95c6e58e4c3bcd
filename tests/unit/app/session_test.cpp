#include "app/session.h"

#include <catch2/catch.hpp>
#include <fstream>

#include "app/database_care.h"
#include "app/init.h"
#include "store/accounts.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/crypto.h"
#include "util/error.h"

using namespace schoolctl;

namespace {

domain::Settings school_settings() {
    domain::Settings s;
    s.school_name = "Школа № 1";
    s.year_name = "2026/27";
    s.year_dates = domain::DateRange{*domain::parse_date("2026-09-01"),
                                     *domain::parse_date("2027-05-26")};
    return s;
}

// An account with one role and a script token, as `accounts` would create it.
std::string account_with_role(const std::filesystem::path& db_path, const std::string& login,
                              domain::Role role) {
    auto db = store::open_database(db_path, 1000);
    store::Transaction tx(*db);
    store::NewAccount account;
    account.login = login;
    auto id = store::insert_account(*db, account, "t");
    store::insert_grant(*db, id, domain::Grant{role, domain::Scope::school, 1, {}, {}, {}, {}}, "t");
    std::string token = crypto::random_token();
    store::insert_token(*db, {id, "script", "test", crypto::token_hash(token), std::nullopt}, "t");
    tx.commit();
    return token;
}

}  // namespace

TEST_CASE("commands run as the token's account, within its permissions", "[app][session]") {
    test::TempDir dir;
    domain::Settings settings = school_settings();
    app::init_database(dir / "s.db", settings);
    std::string secretary = account_with_role(dir / "s.db", "secretary", domain::Role::secretary);
    std::string admin = account_with_role(dir / "s.db", "root", domain::Role::administrator);

    app::SessionRequest request;
    request.db_path = dir / "s.db";
    request.settings = &settings;
    request.session_file = dir / "no-session";

    request.token = secretary;
    auto s = app::open_session(request);
    CHECK(s->actor().login == "secretary");
    CHECK(s->allowed(domain::Permission::roster_write));
    CHECK(test::exit_code_of([&] { app::check_database(*s); }) == ExitCode::no_permission);

    request.token = admin;
    auto a = app::open_session(request);
    CHECK(app::check_database(*a).problems.empty());
}

TEST_CASE("no token, a wrong token or a revoked one is refused with 77", "[app][session]") {
    test::TempDir dir;
    domain::Settings settings = school_settings();
    app::init_database(dir / "s.db", settings);
    app::SessionRequest request;
    request.db_path = dir / "s.db";
    request.settings = &settings;
    request.session_file = dir / "no-session";
    CHECK(test::exit_code_of([&] { app::open_session(request); }) == ExitCode::no_permission);
    request.token = "sct_deadbeef";
    CHECK(test::exit_code_of([&] { app::open_session(request); }) == ExitCode::no_permission);

    std::string token = account_with_role(dir / "s.db", "clerk", domain::Role::secretary);
    {
        auto db = store::open_database(dir / "s.db", 1000);
        auto row = store::find_token(*db, crypto::token_hash(token));
        REQUIRE(row.has_value());
        store::revoke_token(*db, row->id, "2000-01-01T00:00:00Z");
    }
    request.token = token;
    CHECK(test::exit_code_of([&] { app::open_session(request); }) == ExitCode::no_permission);
}

TEST_CASE("a session file carries the login between commands", "[app][session]") {
    test::TempDir dir;
    domain::Settings settings = school_settings();
    app::init_database(dir / "s.db", settings);
    std::string token = account_with_role(dir / "s.db", "clerk", domain::Role::secretary);
    auto file = app::session_file_for(dir / "state", dir / "s.db");
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << token << '\n';
    app::SessionRequest request;
    request.db_path = dir / "s.db";
    request.settings = &settings;
    request.session_file = file;
    CHECK(app::open_session(request)->actor().login == "clerk");
}

TEST_CASE("init refuses a config without the school", "[app][init]") {
    test::TempDir dir;
    domain::Settings empty;
    CHECK(test::exit_code_of([&] { app::init_database(dir / "s.db", empty); }) == ExitCode::config);
    CHECK_FALSE(std::filesystem::exists(dir / "s.db"));
}
