#include "domain/access.h"

#include <algorithm>

namespace schoolctl::domain {
namespace {

bool in_groups(const Target& t, std::int64_t group_id) {
    return std::find(t.group_ids.begin(), t.group_ids.end(), group_id) != t.group_ids.end();
}

// The class or group of the grant contains the target.
bool same_class_or_group(const Grant& g, const Target& t) {
    if (g.group_id) {
        return in_groups(t, *g.group_id);
    }
    return g.class_id && t.class_id == g.class_id;
}

bool within(const Grant& g, Scope level, const Target& t) {
    switch (level) {
    case Scope::all:
        return true;
    case Scope::school:
        return g.school_id == t.school_id;
    case Scope::school_class:
        // A subject grant read at class level is its class; a subgroup grant stays its group,
        // except that a subgroup's class is its class (a subgroup teacher sees the class list).
        if (g.group_id && g.class_id && g.scope == Scope::subject) {
            return t.class_id == g.class_id || in_groups(t, *g.group_id);
        }
        return same_class_or_group(g, t);
    case Scope::subject:
        return g.subject_id && t.subject_id == g.subject_id && same_class_or_group(g, t);
    case Scope::child:
        return g.pupil_id && t.pupil_id == g.pupil_id;
    }
    return false;
}

}  // namespace

bool grant_allows(const Grant& grant, Permission permission, const Target& target) {
    std::optional<Scope> cell = reach(grant.role, permission);
    if (!cell) {
        return false;
    }
    auto allowed = grantable_scopes(grant.role);
    if (std::find(allowed.begin(), allowed.end(), grant.scope) == allowed.end()) {
        return false;  // a malformed grant (say, a school-wide guardian) allows nothing
    }
    if (grant.scope != Scope::all && grant.school_id != target.school_id) {
        return false;
    }
    // The cell's level widens a narrow grant (a subject teacher sees the class list); a grant
    // wider than the cell keeps its own scope (a teacher of the whole 1А writes marks in every
    // subject of 1А). grantable_scopes() bounds how wide either can be.
    Scope level = std::max(grant.scope, *cell);
    if (grant.scope == Scope::all) {
        level = Scope::all;
    }
    return within(grant, level, target);
}

bool any_grant_allows(std::span<const Grant> grants, Permission permission,
                      const Target& target) {
    return std::any_of(grants.begin(), grants.end(), [&](const Grant& g) {
        return grant_allows(g, permission, target);
    });
}

}  // namespace schoolctl::domain
