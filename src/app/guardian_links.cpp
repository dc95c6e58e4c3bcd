#include "app/guardian_links.h"

#include "app/health.h"
#include "store/accounts.h"
#include "store/guardians.h"
#include "store/names.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::int64_t find_pupil(Session& s, const std::string& ref) {
    if (auto id = store::find_pupil_id(s.db(), s.school_id(), ref)) {
        return *id;
    }
    throw Error(ExitCode::data, "no pupil with external id \"" + ref + "\" at " +
                                    s.school_name());
}

nlohmann::json link_details(const LinkRequest& r) {
    return {{"guardian", r.guardian}, {"pupil", r.pupil}, {"relation", r.relation}};
}

}  // namespace

std::int64_t select_guardian(Session& s, const std::string& ref) {
    if (auto g = store::find_guardian_by_external_id(s.db(), s.school_id(), ref)) {
        return g->person_id;
    }
    auto account = store::find_account_by_login(s.db(), ref);
    if (account && account->person_id &&
        store::is_guardian(s.db(), s.school_id(), *account->person_id)) {
        return *account->person_id;
    }
    throw Error(ExitCode::data, "no guardian \"" + ref + "\" at " + s.school_name() +
                                    " (give the external id from the guardians file or the "
                                    "login of their account)");
}

bool link_guardian(Session& s, const LinkRequest& r) {
    s.require(domain::Permission::roster_write);
    store::Transaction tx(s.db());
    std::int64_t guardian = select_guardian(s, r.guardian);
    std::int64_t pupil = find_pupil(s, r.pupil);
    auto existing = store::link_relation(s.db(), guardian, pupil);
    if (existing && (r.relation.empty() || *existing == r.relation)) {
        return false;
    }
    store::link_guardian(s.db(), guardian, pupil, r.relation);
    s.audit(existing ? "guardian.relink" : "guardian.link", "pupil", std::to_string(pupil),
            link_details(r));
    tx.commit();
    return true;
}

bool unlink_guardian(Session& s, const LinkRequest& r) {
    s.require(domain::Permission::roster_write);
    store::Transaction tx(s.db());
    std::int64_t guardian = select_guardian(s, r.guardian);
    std::int64_t pupil = find_pupil(s, r.pupil);
    if (store::unlink_guardian(s.db(), guardian, pupil) == 0) {
        return false;
    }
    s.audit("guardian.unlink", "pupil", std::to_string(pupil), link_details(r));
    // The guardian's consent for every child no longer covers this one.
    drop_health_without_consent(s, {pupil}, "guardian unlinked: no consent to health data");
    tx.commit();
    return true;
}

}  // namespace schoolctl::app
