#include "app/staff_select.h"

#include "domain/person_name.h"
#include "store/accounts.h"
#include "store/names.h"
#include "store/staff.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

StaffRef ref(Session& session, std::int64_t person_id) {
    auto name = store::person_name(session.db(), person_id).value_or(domain::PersonName{});
    return {person_id, domain::full_name(name), domain::short_name(name)};
}

}  // namespace

StaffRef select_staff(Session& session, const std::string& text) {
    store::Database& db = session.db();
    std::int64_t school = session.school_id();
    if (auto by_id = store::find_staff_by_external_id(db, school, text)) {
        return ref(session, by_id->person_id);
    }
    if (auto account = store::find_account_by_login(db, domain::match_key(text))) {
        if (account->person_id) {
            if (auto staff = store::staff_of_person(db, school, *account->person_id)) {
                return ref(session, *staff);
            }
        }
    }
    auto by_name = store::find_staff_by_name(db, school, domain::match_key(text), std::nullopt);
    if (by_name.size() == 1) {
        return ref(session, by_name.front().person_id);
    }
    if (by_name.size() > 1) {
        throw Error(ExitCode::data, "\"" + text + "\": " + std::to_string(by_name.size()) +
                                        " staff members have this name; give the staff id or "
                                        "login");
    }
    throw Error(ExitCode::data, "\"" + text + "\" is neither the login, the staff id nor the "
                                              "full name of a staff member of " +
                                              session.school_name());
}

}  // namespace schoolctl::app
