#pragma once
// Reading and verifying the audit log (permission audit.read).
#include <optional>
#include <string>

#include "app/session.h"
#include "report/document.h"
#include "store/audit.h"

namespace schoolctl::app {

struct AuditQuery {
    std::optional<std::string> since;   // DD.MM.YYYY, ISO date or ISO timestamp
    std::optional<std::string> object;  // "pupil" or "pupil:42"
    std::optional<std::string> action;  // prefix: "import", "account.login"
    std::size_t limit = 0;
};

report::Document audit_listing(Session& session, const AuditQuery& query);

// The whole chain checked; with `expected` ("ID:HASH", the head an earlier verify printed and
// someone kept elsewhere) also that row ID still holds HASH and lies in the intact chain — what
// catches rows cut from the end of the log, which leave a shorter chain still whole.
// Exit 64 for an `expected` that is not ID:HASH; a mismatch is reported in the result.
store::ChainCheck verify_audit(Session& session,
                               const std::optional<std::string>& expected = std::nullopt);

}  // namespace schoolctl::app
