#include "app/init.h"

#include <nlohmann/json.hpp>

#include "store/accounts.h"
#include "store/audit.h"
#include "store/connection.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

void require_calendar(const domain::Settings& s) {
    if (s.school_name.empty()) {
        throw Error(ExitCode::config,
                    "school.name is not set: `schoolctl init` needs the school's name in "
                    "schoolctl.toml (see schoolctl.toml(5)), e.g. --config samples/schoolctl.toml");
    }
    if (!s.year_dates || s.year_name.empty()) {
        throw Error(ExitCode::config, "academic_year.name, .start and .end are not set: "
                                      "`schoolctl init` needs the academic year");
    }
}

}  // namespace

InitResult init_database(const std::filesystem::path& db_path, const domain::Settings& s) {
    require_calendar(s);
    InitResult result{db_path, s.school_name, s.year_name, "admin", crypto::random_code(4)};
    auto db = store::create_database(db_path, s.busy_timeout_ms);
    try {
        std::string now = utc_iso_now();
        store::Transaction tx(*db);
        std::int64_t school_id = store::insert_school(*db, s, now);
        store::NewAccount account;
        account.login = result.admin_login;
        account.password_hash = crypto::hash_password(result.one_time_password);
        account.must_change_password = true;
        std::int64_t admin = store::insert_account(*db, account, now);
        domain::Grant everywhere{domain::Role::administrator, domain::Scope::all, {}, {}, {}, {}, {}};
        store::insert_grant(*db, admin, everywhere, now);
        nlohmann::json details = {{"school", s.school_name},
                                  {"school_id", school_id},
                                  {"academic_year", s.year_name},
                                  {"administrator", result.admin_login}};
        store::append_audit(*db, {admin, result.admin_login, "database.init", "school",
                                  std::to_string(school_id), details.dump()},
                            now);
        tx.commit();
    } catch (...) {
        // Nothing half-made: a database whose school failed to load is removed.
        db.reset();
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"}) {
            std::filesystem::remove(db_path.string() + suffix, ignored);
        }
        throw;
    }
    return result;
}

}  // namespace schoolctl::app
