#include "app/audit_view.h"

#include "domain/date.h"
#include "report/listing.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::optional<std::string> normalise_since(const std::optional<std::string>& since) {
    if (!since) {
        return std::nullopt;
    }
    if (auto d = domain::parse_date(*since)) {
        // A date means the school's day, which begins at 00:00 Moscow time (21:00 UTC before).
        auto previous = std::chrono::sys_days(*d) - std::chrono::days(1);
        return domain::format_iso(domain::Date(previous)) + "T21:00:00Z";
    }
    if (since->size() >= 10 && domain::parse_date(since->substr(0, 10))) {
        return *since;
    }
    throw Error(ExitCode::usage, "--since \"" + *since +
                                     "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)");
}

}  // namespace

report::Document audit_listing(Session& s, const AuditQuery& q) {
    s.require(domain::Permission::audit_read);
    store::AuditFilter filter;
    filter.since = normalise_since(q.since);
    if (q.object) {
        auto colon = q.object->find(':');
        filter.object_type = q.object->substr(0, colon);
        if (colon != std::string::npos) {
            filter.object_id = q.object->substr(colon + 1);
        }
    }
    filter.action_prefix = q.action;
    filter.limit = q.limit;

    report::Document doc = report::listing(
        "audit", "Audit log",
        {{"id", 6, report::Align::right}, {"at (UTC)", 20}, {"account", 12}, {"action", 20},
         {"object", 12}, {"details", 60}});
    doc.school = s.school_name();
    for (const auto& e : store::list_audit(s.db(), filter)) {
        std::string object = e.record.object_type;
        if (!e.record.object_id.empty()) {
            object += ":" + e.record.object_id;
        }
        report::listing_rows(doc).push_back(
            {e.id, e.at, e.record.actor, e.record.action, object, e.record.details});
    }
    return doc;
}

store::ChainCheck verify_audit(Session& s, const std::optional<std::string>& expected) {
    s.require(domain::Permission::audit_read);
    std::int64_t id = 0;
    std::string hash;
    if (expected) {
        const auto colon = expected->find(':');
        try {
            std::size_t used = 0;
            id = std::stoll(expected->substr(0, colon), &used);
            if (used != colon || id <= 0) {
                throw std::invalid_argument("id");
            }
        } catch (const std::exception&) {
            throw Error(ExitCode::usage, "--expect \"" + *expected +
                                             "\": expected ID:HASH, the last row verify printed");
        }
        hash = colon == std::string::npos ? std::string() : expected->substr(colon + 1);
        if (hash.size() != 64) {
            throw Error(ExitCode::usage, "--expect \"" + *expected +
                                             "\": the hash must be the 64 hex digits verify printed");
        }
    }
    store::ChainCheck check = store::verify_audit_chain(s.db());
    if (!expected || check.broken_at) {
        return check;
    }
    auto stored = store::audit_hash_of(s.db(), id);
    if (!stored) {
        check.broken_at = id;
        check.reason = "the row is gone: the log now ends at row " +
                       std::to_string(check.last_id) + " (rows were cut from its end)";
    } else if (*stored != hash) {
        check.broken_at = id;
        check.reason = "its hash is not the one kept (the log was rewritten up to it)";
    }
    return check;
}

}  // namespace schoolctl::app
