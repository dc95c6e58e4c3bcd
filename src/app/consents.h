#pragma once
// `schoolctl consent record|revoke|list`: guardians' consents (152-ФЗ), kept with when they
// were given and revoked (store::has_consent answers whether one holds on a day).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"
#include "report/document.h"

namespace schoolctl::app {

struct ConsentRequest {
    std::string guardian;               // external id or account login
    std::optional<std::string> pupil;   // one child; none: every child of the guardian
    std::string kind;                   // code or Russian name
    domain::Date given_on;
    std::string scope;                  // free text: what the paper says («для столовой»)
};

struct ConsentRecorded {
    std::int64_t id = 0;
    std::string guardian;  // «Абрамова Наталья Сергеевна»
    std::string pupil;     // «Абрамова Дарья Евгеньевна», or "" for every child
    std::string kind;      // code
};

// Permission roster.write (on the pupil when one is named). Exit 64 for an unknown kind (naming
// the kinds), 65 for an unknown guardian or pupil, a pupil who is not the guardian's child, or
// a date in the future. Audited (consent.record).
ConsentRecorded record_consent(Session& session, const ConsentRequest& request);

struct RevokeResult {
    std::string description;  // «#3 health of Абрамова Наталья Сергеевна»
    bool changed = false;     // false: already revoked
    std::size_t health_records_deleted = 0;  // health data no consent covers any more
};

// Permission roster.write. Exit 65 for no such consent, or a date before it was given.
// Audited (consent.revoke) with the reason. A consent to health data revoked from today or
// earlier takes with it the health records no other consent covers (health.delete).
RevokeResult revoke_consent(Session& session, std::int64_t id, const domain::Date& on,
                            const std::string& reason);

struct ConsentQuery {
    std::optional<std::string> klass;     // the consents covering the class's pupils
    std::optional<std::string> pupil;
    std::optional<std::string> guardian;
    std::optional<std::string> kind;
};

// Permission roster.read (on the class or pupil when one is named). One row per consent:
// id, guardian, child (or «все дети»), kind, scope, given, revoked, reason.
report::Document list_consents(Session& session, const ConsentQuery& query);

}  // namespace schoolctl::app
