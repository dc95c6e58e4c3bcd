#pragma once
// Guardians' consents (table consents): recorded, revoked, listed, and asked about.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

struct ConsentRow {
    std::int64_t id = 0;
    std::int64_t guardian_id = 0;
    std::optional<std::int64_t> pupil_id;  // none: every child of the guardian
    std::string kind;                      // "health"
    std::string scope;
    std::string given_on;  // ISO
    std::optional<std::string> revoked_on;
    std::string revoke_reason;
    std::string recorded_at;
    // Filled by the listings: who the guardian and the child are.
    domain::PersonName guardian;
    std::string guardian_external_id;
    std::optional<domain::PersonName> pupil;
    std::string pupil_external_id;
};

std::int64_t insert_consent(Database& db, const ConsentRow& row);
std::optional<ConsentRow> find_consent(Database& db, std::int64_t school_id, std::int64_t id);
void revoke_consent(Database& db, std::int64_t id, const std::string& on,
                    const std::string& reason);

struct ConsentFilter {
    std::optional<std::int64_t> guardian_id;
    std::optional<std::int64_t> pupil_id;  // consents naming the pupil or covering every child
                                           // of one of their guardians
    std::optional<std::int64_t> class_id;  // the same for every pupil in the class on `on`
    std::optional<std::string> kind;
    std::string on;  // ISO; with class_id: the day the class is read on
};

// Ordered by guardian name, then kind and date.
std::vector<ConsentRow> list_consents(Database& db, std::int64_t school_id,
                                      const ConsentFilter& filter);

// Whether a guardian of the pupil has consented to `kind` on the date: given on or before it,
// not revoked by then, naming the pupil or all of the guardian's children.
// consent_holds_sql is that test as an SQL condition over the given column and parameters
// ("h.pupil_id", "?4", "?2"), for queries that ask it of every row.
std::string consent_holds_sql(std::string_view pupil, std::string_view kind, std::string_view on);
bool has_consent(Database& db, std::int64_t pupil_id, const std::string& kind,
                 const std::string& on);

}  // namespace schoolctl::store
