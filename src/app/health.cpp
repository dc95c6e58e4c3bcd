#include "app/health.h"

#include <nlohmann/json.hpp>

#include "app/class_select.h"
#include "app/journal/pupil_select.h"
#include "domain/health.h"
#include "store/access_scope.h"
#include "store/consents.h"
#include "store/health.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// Writing a pupil's health record needs roster.write on the pupil today.
void require_roster_write(Session& s, const PupilRef& pupil) {
    s.require(domain::Permission::roster_write,
              store::pupil_target(s.db(), pupil.person_id, today_iso()),
              "pupil " + pupil.short_name);
}

std::string pe_name(const std::optional<std::string>& code) {
    if (!code) {
        return "";
    }
    auto group = domain::pe_group_of_code(*code);
    return group ? std::string(group->name) : *code;
}

struct Scope {
    std::optional<std::int64_t> class_id;
    std::string about;
};

Scope read_scope(Session& s, const std::optional<std::string>& klass,
                 domain::Permission permission) {
    if (!klass) {
        s.require(permission);
        return {std::nullopt, s.school_name()};
    }
    ClassRef c = select_class(s, *klass);
    s.require(permission, class_target(s, c), "class " + c.name);
    return {c.id, "класс " + c.name};
}

report::Document health_document(Session& s, const Scope& scope,
                                 const std::vector<store::HealthListing>& rows) {
    report::Document doc;
    doc.kind = "health";
    doc.title = "Группы здоровья и физкультурные группы";
    doc.school = s.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.meta.push_back({"Кого касается", scope.about});
    doc.meta.push_back({"Основание", "письменное согласие законного представителя"});
    report::Section& section = doc.sections.emplace_back();
    section.table.columns = {{"Класс", 6},
                             {"Ученик", 30},
                             {"Идентификатор", 12},
                             {"Группа здоровья", 8},
                             {"Физкультурная группа", 18},
                             {"Примечание", 30}};
    for (const auto& r : rows) {
        section.table.rows.push_back({r.class_name, domain::full_name(r.pupil), r.external_id,
                                      r.record.health_group.value_or(""),
                                      pe_name(r.record.pe_group), r.record.note});
    }
    return doc;
}

}  // namespace

HealthSaved set_health(Session& s, const HealthRequest& r) {
    if (!r.health_group && !r.pe_group && !r.note) {
        throw Error(ExitCode::usage, "nothing to set: give --group, --pe-group or --note");
    }
    std::optional<std::string> group;
    if (r.health_group) {
        group = domain::parse_health_group(*r.health_group);
        if (!group) {
            throw Error(ExitCode::usage, "--group \"" + *r.health_group +
                                             "\" is not a health group (I, II, III, IV or V)");
        }
    }
    std::optional<domain::PeGroup> pe;
    if (r.pe_group) {
        pe = domain::parse_pe_group(*r.pe_group);
        if (!pe) {
            throw Error(ExitCode::usage, "--pe-group \"" + *r.pe_group +
                                             "\" is not a physical-education group (" +
                                             domain::pe_group_names() + ")");
        }
    }
    PupilRef pupil = select_pupil(s, r.pupil);
    require_roster_write(s, pupil);
    store::Transaction tx(s.db());
    if (!store::has_consent(s.db(), pupil.person_id, "health", today_iso())) {
        throw Error(ExitCode::data,
                    "no guardian of " + pupil.name +
                        " has given written consent to health data that holds today; record it "
                        "first (schoolctl consent record --kind health)");
    }
    auto old = store::find_health(s.db(), pupil.person_id);
    store::HealthRecord rec;
    if (old) {
        rec = *old;
    }
    rec.pupil_id = pupil.person_id;
    nlohmann::json changed = nlohmann::json::array();
    if (group && rec.health_group != group) {
        rec.health_group = group;
        changed.push_back("health_group");
    }
    if (pe && rec.pe_group != std::string(pe->code)) {
        rec.pe_group = std::string(pe->code);
        changed.push_back("pe_group");
    }
    if (r.note && rec.note != *r.note) {
        rec.note = *r.note;
        changed.push_back("note");
    }
    HealthSaved out{pupil.name, !old.has_value(), !changed.empty()};
    if (changed.empty()) {
        return out;
    }
    rec.updated_at = utc_iso_now();
    store::save_health(s.db(), rec);
    s.audit("health.set", "pupil", std::to_string(pupil.person_id),
            {{"changed", changed}, {"created", out.created}});
    tx.commit();
    return out;
}

bool remove_health(Session& s, const std::string& text) {
    PupilRef pupil = select_pupil(s, text);
    require_roster_write(s, pupil);
    store::Transaction tx(s.db());
    if (!store::delete_health(s.db(), pupil.person_id)) {
        return false;
    }
    s.audit("health.delete", "pupil", std::to_string(pupil.person_id),
            {{"reason", "removed by hand"}});
    tx.commit();
    return true;
}

report::Document list_health(Session& s, const std::optional<std::string>& klass) {
    Scope scope = read_scope(s, klass, domain::Permission::roster_read);
    std::vector<store::HealthListing> shown;
    std::size_t hidden = 0;
    for (auto& row : store::list_health(s.db(), s.school_id(), scope.class_id, today_iso())) {
        if (row.consent_holds) {
            shown.push_back(std::move(row));
        } else {
            ++hidden;
        }
    }
    report::Document doc = health_document(s, scope, shown);
    if (hidden > 0) {
        doc.sections.front().notes.push_back(
            "Не показано записей: " + std::to_string(hidden) +
            " — согласие на обработку сведений о здоровье не действует (отозвано или законный "
            "представитель отвязан); удалите их: schoolctl health remove.");
    }
    if (shown.empty() && hidden == 0) {
        doc.sections.front().notes.push_back("Записей нет: schoolctl health set.");
    }
    // Health data is a special category: who looked at it, and at how many records, is kept.
    store::Transaction tx(s.db());
    s.audit("health.list", "school", std::to_string(s.school_id()),
            {{"about", scope.about}, {"rows", shown.size()}});
    tx.commit();
    return doc;
}

std::string export_health(Session& s, const std::optional<std::string>& klass,
                          const ReportDestination& destination, std::ostream& stdout_stream) {
    Scope scope = read_scope(s, klass, domain::Permission::data_export);
    auto rows = store::list_health(s.db(), s.school_id(), scope.class_id, today_iso());
    std::vector<std::string> without;
    for (const auto& row : rows) {
        if (!row.consent_holds) {
            without.push_back(domain::full_name(row.pupil) +
                              (row.class_name.empty() ? "" : " (" + row.class_name + ")"));
        }
    }
    if (!without.empty()) {
        std::string names;
        for (std::size_t i = 0; i < without.size() && i < 5; ++i) {
            names += (i ? ", " : "") + without[i];
        }
        if (without.size() > 5) {
            names += " and " + std::to_string(without.size() - 5) + " more";
        }
        throw Error(ExitCode::data,
                    "health data of " + std::to_string(without.size()) +
                        " pupil(s) is held without a consent that holds today: " + names +
                        "; nothing was exported (record the consent, or schoolctl health remove)");
    }
    return deliver_report(s, health_document(s, scope, rows), destination,
                          stdout_stream);
}

std::size_t drop_health_without_consent(Session& s, const std::vector<std::int64_t>& pupils,
                                        const std::string& reason) {
    std::size_t dropped = 0;
    for (std::int64_t pupil : pupils) {
        if (store::has_consent(s.db(), pupil, "health", today_iso())) {
            continue;
        }
        if (store::delete_health(s.db(), pupil)) {
            s.audit("health.delete", "pupil", std::to_string(pupil), {{"reason", reason}});
            ++dropped;
        }
    }
    return dropped;
}

}  // namespace schoolctl::app
