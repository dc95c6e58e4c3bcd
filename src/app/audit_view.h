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

store::ChainCheck verify_audit(Session& session);

}  // namespace schoolctl::app
