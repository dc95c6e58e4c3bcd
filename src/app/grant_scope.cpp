#include "app/grant_scope.h"

#include <algorithm>
#include <variant>

#include "app/class_select.h"
#include "domain/class_name.h"
#include "store/groups.h"
#include "store/guardians.h"
#include "store/schools.h"
#include "store/subjects.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::string scopes_of(domain::Role role) {
    std::string out;
    for (domain::Scope s : domain::grantable_scopes(role)) {
        out += (out.empty() ? "" : ", ") + std::string(domain::to_string(s));
    }
    return out;
}

std::int64_t find_subject(Session& s, const std::string& text) {
    for (const auto& subject : store::list_subjects(s.db(), s.school_id())) {
        if (subject.code == text || subject.name == text) {
            return subject.id;
        }
    }
    throw Error(ExitCode::data, "--scope: no subject \"" + text + "\" at " + s.school_name() +
                                    " (give its code or name, see the subjects file)");
}

// "5А" is a class; anything else must be a group of the current year.
void place_in_class_or_group(Session& s, const std::string& text, domain::Grant& g) {
    if (std::holds_alternative<domain::ClassName>(domain::parse_class_name(text))) {
        g.class_id = select_class(s, text).id;
        return;
    }
    auto year = store::current_year(s.db(), s.school_id(), today_iso());
    if (year) {
        for (const auto& group : store::list_groups(s.db(), year->id)) {
            if (group.name == text) {
                g.group_id = group.id;
                g.class_id = group.class_id;
                return;
            }
        }
    }
    throw Error(ExitCode::data, "--scope: no class or group \"" + text + "\" at " +
                                    s.school_name());
}

}  // namespace

domain::Grant parse_grant(Session& s, domain::Role role, const std::optional<std::string>& scope) {
    auto allowed = domain::grantable_scopes(role);
    std::string text = scope.value_or(allowed.front() == domain::Scope::school ? "school" : "");
    if (text.empty()) {
        throw Error(ExitCode::usage, std::string(domain::to_string(role)) +
                                         " needs --scope (" + scopes_of(role) + ")");
    }
    std::string kind = text.substr(0, text.find(':'));
    std::string value = text.find(':') == std::string::npos ? "" : text.substr(text.find(':') + 1);
    auto parsed = domain::parse_scope(kind);
    if (!parsed) {
        throw Error(ExitCode::usage, "--scope \"" + text +
                                         "\": expected all, school, class:5А, subject:CODE@5А or "
                                         "child:EXTERNAL_ID");
    }
    if (std::find(allowed.begin(), allowed.end(), *parsed) == allowed.end()) {
        throw Error(ExitCode::usage, std::string(domain::to_string(role)) +
                                         " cannot be granted for a " + kind + " (only " +
                                         scopes_of(role) + ")");
    }
    bool needs_value = *parsed != domain::Scope::all && *parsed != domain::Scope::school;
    if (needs_value == value.empty()) {
        throw Error(ExitCode::usage, "--scope \"" + text + "\": " +
                                         (needs_value ? "say which, e.g. " + kind + ":…"
                                                      : kind + " takes no value"));
    }
    domain::Grant g;
    g.role = role;
    g.scope = *parsed;
    if (g.scope != domain::Scope::all) {
        g.school_id = s.school_id();
    }
    switch (g.scope) {
    case domain::Scope::all:
    case domain::Scope::school:
        break;
    case domain::Scope::school_class:
        place_in_class_or_group(s, value, g);
        if (g.group_id) {
            g.class_id.reset();  // a class-scope grant names the class or the group, not both
        }
        break;
    case domain::Scope::subject: {
        auto at = value.find('@');
        if (at == std::string::npos || at == 0 || at + 1 == value.size()) {
            throw Error(ExitCode::usage,
                        "--scope \"" + text + "\": expected subject:CODE@CLASS or subject:CODE@GROUP");
        }
        g.subject_id = find_subject(s, value.substr(0, at));
        place_in_class_or_group(s, value.substr(at + 1), g);
        break;
    }
    case domain::Scope::child: {
        auto pupil = store::find_pupil_id(s.db(), s.school_id(), value);
        if (!pupil) {
            throw Error(ExitCode::data, "--scope: no pupil with external id \"" + value +
                                            "\" at " + s.school_name());
        }
        g.pupil_id = *pupil;
        break;
    }
    }
    return g;
}

}  // namespace schoolctl::app
