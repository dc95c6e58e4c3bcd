#include "app/consents.h"

#include <nlohmann/json.hpp>

#include "app/class_select.h"
#include "app/guardian_links.h"
#include "app/health.h"
#include "app/journal/pupil_select.h"
#include "domain/consent.h"
#include "domain/person_name.h"
#include "store/access_scope.h"
#include "store/consents.h"
#include "store/guardians.h"
#include "store/names.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

domain::ConsentKind kind_of(const std::string& text) {
    if (auto kind = domain::parse_consent_kind(text)) {
        return *kind;
    }
    throw Error(ExitCode::usage, "--kind \"" + text + "\" is not a kind of consent (kinds: " +
                                     domain::consent_kind_codes() + ")");
}

std::string name_of(Session& s, std::int64_t person_id) {
    auto name = store::person_name(s.db(), person_id);
    return name ? domain::full_name(*name) : "#" + std::to_string(person_id);
}

}  // namespace

ConsentRecorded record_consent(Session& s, const ConsentRequest& r) {
    const domain::ConsentKind kind = kind_of(r.kind);
    std::optional<PupilRef> pupil;
    if (r.pupil) {
        pupil = select_pupil(s, *r.pupil);
        s.require(domain::Permission::roster_write,
                  store::pupil_target(s.db(), pupil->person_id, today_iso()),
                  "pupil " + pupil->short_name);
    } else {
        s.require(domain::Permission::roster_write);
    }
    if (r.given_on > today_moscow()) {
        throw Error(ExitCode::data, "the consent is dated " + domain::format_ru(r.given_on) +
                                        ", after today: record it when it is given");
    }
    store::Transaction tx(s.db());
    const std::int64_t guardian = select_guardian(s, r.guardian);
    ConsentRecorded out;
    out.guardian = name_of(s, guardian);
    out.kind = std::string(kind.code);
    if (pupil) {
        if (!store::link_relation(s.db(), guardian, pupil->person_id)) {
            throw Error(ExitCode::data, out.guardian + " is not a guardian of " + pupil->name +
                                            " (link them first: schoolctl guardians link)");
        }
        out.pupil = pupil->name;
    }
    store::ConsentRow row;
    row.guardian_id = guardian;
    row.pupil_id = pupil ? std::optional(pupil->person_id) : std::nullopt;
    row.kind = out.kind;
    row.scope = r.scope;
    row.given_on = domain::format_iso(r.given_on);
    row.recorded_at = utc_iso_now();
    out.id = store::insert_consent(s.db(), row);
    s.audit("consent.record", "consent", std::to_string(out.id),
            {{"guardian", out.guardian},
             {"pupil", pupil ? nlohmann::json(out.pupil) : nlohmann::json("every child")},
             {"kind", out.kind},
             {"scope", r.scope},
             {"given_on", row.given_on}});
    tx.commit();
    return out;
}

RevokeResult revoke_consent(Session& s, std::int64_t id, const domain::Date& on,
                            const std::string& reason) {
    s.require(domain::Permission::roster_write);
    store::Transaction tx(s.db());
    auto row = store::find_consent(s.db(), s.school_id(), id);
    if (!row) {
        throw Error(ExitCode::data, "no consent #" + std::to_string(id) + " at " +
                                        s.school_name() + " (schoolctl consent list shows them)");
    }
    RevokeResult out;
    out.description = "#" + std::to_string(id) + " " + row->kind + " of " +
                      domain::full_name(row->guardian);
    if (row->revoked_on) {
        return out;  // already revoked: the first date stands
    }
    // A revocation takes effect when it is received (and health data is destroyed then, below):
    // one dated ahead would leave the data in place with nothing to remove it on that day.
    if (on > today_moscow()) {
        throw Error(ExitCode::data, "the revocation is dated " + domain::format_ru(on) +
                                        ", after today: record it when it is received");
    }
    const std::string date = domain::format_iso(on);
    if (date < row->given_on) {
        throw Error(ExitCode::data, "consent " + out.description + " was given on " +
                                        domain::format_ru(*domain::parse_date(row->given_on)) +
                                        ": it cannot be revoked before that");
    }
    store::revoke_consent(s.db(), id, date, reason);
    s.audit("consent.revoke", "consent", std::to_string(id),
            {{"guardian", domain::full_name(row->guardian)},
             {"kind", row->kind},
             {"revoked_on", date},
             {"reason", reason}});
    if (row->kind == "health") {
        // Health data is kept only with consent (152-ФЗ art. 9, 10): revoked, it is destroyed.
        std::vector<std::int64_t> pupils =
            row->pupil_id ? std::vector<std::int64_t>{*row->pupil_id}
                          : store::children_of(s.db(), row->guardian_id);
        out.health_records_deleted = drop_health_without_consent(
            s, pupils, "consent #" + std::to_string(id) + " to health data revoked");
    }
    tx.commit();
    out.changed = true;
    return out;
}

report::Document list_consents(Session& s, const ConsentQuery& q) {
    store::ConsentFilter f;
    f.on = today_iso();
    std::string about = s.school_name();
    if (q.pupil) {
        PupilRef pupil = select_pupil(s, *q.pupil);
        s.require(domain::Permission::roster_read,
                  store::pupil_target(s.db(), pupil.person_id, f.on),
                  "pupil " + pupil.short_name);
        f.pupil_id = pupil.person_id;
        about = pupil.name;
    } else if (q.klass) {
        ClassRef klass = select_class(s, *q.klass);
        s.require(domain::Permission::roster_read, class_target(s, klass), "class " + klass.name);
        f.class_id = klass.id;
        about = "класс " + klass.name;
    } else {
        s.require(domain::Permission::roster_read);
    }
    if (q.guardian) {
        f.guardian_id = select_guardian(s, *q.guardian);
    }
    if (q.kind) {
        f.kind = std::string(kind_of(*q.kind).code);
    }
    report::Document doc;
    doc.kind = "consents";
    doc.title = "Согласия законных представителей";
    doc.school = s.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.meta.push_back({"Кого касаются", about});
    report::Section& section = doc.sections.emplace_back();
    section.table.columns = {{"№", 5, report::Align::right},
                             {"Законный представитель", 28},
                             {"Ребёнок", 24},
                             {"Согласие", 12},
                             {"Объём", 18},
                             {"Дано", 11},
                             {"Отозвано", 11},
                             {"Причина отзыва", 18}};
    auto date_cell = [](const std::optional<std::string>& iso) -> report::Cell {
        if (!iso) {
            return {};
        }
        return *domain::parse_date(*iso);
    };
    for (const auto& c : store::list_consents(s.db(), s.school_id(), f)) {
        section.table.rows.push_back(
            {c.id, domain::full_name(c.guardian),
             c.pupil ? domain::full_name(*c.pupil) : std::string("все дети"), c.kind, c.scope,
             date_cell(c.given_on), date_cell(c.revoked_on), c.revoke_reason});
    }
    if (section.table.rows.empty()) {
        section.notes.push_back("Согласий нет: schoolctl consent record.");
    }
    return doc;
}

}  // namespace schoolctl::app
