#include "app/purge.h"

#include <set>
#include <unordered_map>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "domain/person_name.h"
#include "store/audit.h"
#include "store/purge.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using IdSet = std::unordered_set<std::string>;

// What names a purged person in an audit row: the objects they are, the logins they acted
// under, and the values that identify them wherever they appear in a row's details.
struct Traces {
    std::unordered_map<std::string, IdSet> objects;  // object_type -> ids
    IdSet logins;
    IdSet values;                  // external ids, e-mails, phones, logins, full names
    std::vector<std::string> full_names;  // also looked for inside longer texts (file names)
    std::set<std::pair<std::string, std::string>> names;  // (last, first) of a name object

    bool names_in(const nlohmann::json& j) const {
        if (j.is_string()) {
            const auto& text = j.get_ref<const std::string&>();
            if (values.count(text) > 0) {
                return true;
            }
            for (const std::string& name : full_names) {
                if (text.find(name) != std::string::npos) {
                    return true;
                }
            }
            return false;
        }
        if (j.is_object()) {
            auto last = j.find("last_name");
            auto first = j.find("first_name");
            if (last != j.end() && first != j.end() && last->is_string() && first->is_string() &&
                names.count({last->get<std::string>(), first->get<std::string>()}) > 0) {
                return true;
            }
        }
        if (j.is_structured()) {
            for (const auto& item : j) {
                if (names_in(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    bool names_in_details(const std::string& details) const {
        nlohmann::json j = nlohmann::json::parse(details, nullptr, false);
        // Details that are not JSON (schoolctl never writes such) are read as one text.
        return names_in(j.is_discarded() ? nlohmann::json(details) : j);
    }

    bool is_object(const store::AuditRecord& r) const {
        auto kind = objects.find(r.object_type);
        return kind != objects.end() && kind->second.count(r.object_id) > 0;
    }
};

void add_value(Traces& t, const std::string& value) {
    if (!value.empty()) {
        t.values.insert(value);
    }
}

Traces traces_of(const std::vector<store::PurgeCandidate>& people,
                 const store::PurgeOutcome& outcome) {
    Traces t;
    for (const auto& p : people) {
        t.objects[std::string(store::to_string(p.kind))].insert(std::to_string(p.id));
        t.objects["person"].insert(std::to_string(p.id));
        add_value(t, p.external_id.value_or(""));
        add_value(t, p.email);
        add_value(t, p.phone);
        const std::string full = domain::full_name(p.name);
        add_value(t, full);
        t.full_names.push_back(full);
        t.names.insert({p.name.last, p.name.first});
    }
    for (const auto& a : outcome.accounts) {
        t.objects["account"].insert(std::to_string(a.id));
        t.logins.insert(a.login);
        add_value(t, a.login);
    }
    for (std::int64_t id : outcome.consents) {
        t.objects["consent"].insert(std::to_string(id));
    }
    for (std::int64_t id : outcome.remarks) {
        t.objects["remark"].insert(std::to_string(id));
    }
    return t;
}

// Redacts every audit row that names a purged person; returns the ids, oldest first.
std::vector<std::int64_t> redact_audit_rows(store::Database& db, const Traces& traces) {
    struct Redaction {
        std::int64_t id;
        std::string actor;
        std::string details;
    };
    std::vector<Redaction> redactions;
    store::for_each_audit_entry(db, [&](const store::AuditEntry& e) {
        if (e.redacted) {
            return;
        }
        const bool actor = traces.logins.count(e.record.actor) > 0;
        const bool details = traces.is_object(e.record) || traces.names_in_details(e.record.details);
        if (actor || details) {
            redactions.push_back({e.id, actor ? purged_actor : e.record.actor,
                                  details ? R"({"purged":true})" : e.record.details});
        }
    });
    std::vector<std::int64_t> ids;
    for (const Redaction& r : redactions) {
        store::redact_audit_entry(db, r.id, r.actor, r.details);
        ids.push_back(r.id);
    }
    return ids;
}

PurgedPerson listed(const store::PurgeCandidate& c) {
    PurgedPerson p;
    p.kind = std::string(store::to_string(c.kind));
    p.name = domain::full_name(c.name);
    if (c.left_on) {
        p.left_on = domain::parse_date(*c.left_on);
    }
    return p;
}

}  // namespace

PurgeSummary purge_left_people(Session& s, const PurgeRequest& request) {
    s.require(domain::Permission::data_purge);
    const std::string left_before = domain::format_iso(request.left_before);
    PurgeSummary summary;
    summary.dry_run = request.dry_run;

    store::erase_deleted_content(s.db());
    {
        store::Transaction tx(s.db());
        auto people = store::purge_candidates(s.db(), s.school_id(), left_before);
        for (const auto& c : people) {
            if (s.actor().person_id && *s.actor().person_id == c.id) {
                throw Error(ExitCode::data,
                            "the acting account " + s.actor().login + " belongs to " +
                                domain::full_name(c.name) +
                                ", who would be purged; act as another administrator");
            }
            summary.people.push_back(listed(c));
            switch (c.kind) {
                case store::PurgedKind::pupil: ++summary.pupils; break;
                case store::PurgedKind::staff: ++summary.staff; break;
                case store::PurgedKind::guardian: ++summary.guardians; break;
            }
        }
        store::PurgeOutcome outcome = store::purge_people(
            s.db(), people, purged_last_name, purged_actor, today_iso());
        summary.accounts = outcome.accounts.size();
        summary.consents = outcome.consents.size();
        summary.remarks = outcome.remarks.size();
        summary.guardian_links = outcome.guardian_links;
        summary.health_records = outcome.health_records;
        summary.texts_cleared = outcome.texts_cleared;
        std::vector<std::int64_t> redacted = redact_audit_rows(s.db(), traces_of(people, outcome));
        summary.audit_rows_redacted = redacted.size();
        // Counts and row ids only: the record of a purge names no one.
        s.audit(store::purge_action, "school", std::to_string(s.school_id()),
                {{"left_before", left_before},
                 {"pupils", summary.pupils},
                 {"staff", summary.staff},
                 {"guardians", summary.guardians},
                 {"accounts", summary.accounts},
                 {"consents", summary.consents},
                 {"remarks", summary.remarks},
                 {"guardian_links", summary.guardian_links},
                 {"health_records", summary.health_records},
                 {"texts_cleared", summary.texts_cleared},
                 {"redacted", redacted}});
        if (request.dry_run) {
            return summary;  // the transaction rolls back
        }
        tx.commit();
    }
    try {
        store::compact_and_truncate_wal(s.db());
    } catch (const Error& e) {
        throw Error(e.code(), std::string(e.what()) +
                                  "; the purge itself is committed, but the file still holds "
                                  "the freed space: run the same purge again when the database "
                                  "is free, to compact it");
    }
    return summary;
}

}  // namespace schoolctl::app
