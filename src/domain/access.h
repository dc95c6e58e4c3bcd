#pragma once
// The access decision: may any of these grants do this action on this target? Pure data in,
// yes or no out, so every cell of the matrix can be tested without a database.
#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "domain/permissions.h"

namespace schoolctl::domain {

// A role held within a scope. Which ids are set depends on the scope:
//   all: none; school: school_id; class: class_id (or group_id for a stream);
//   subject: subject_id and class_id or group_id (a subgroup carries its class too);
//   child: pupil_id.
struct Grant {
    Role role = Role::student;
    Scope scope = Scope::school;
    std::optional<std::int64_t> school_id;  // nullopt only for Scope::all
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> group_id;
    std::optional<std::int64_t> subject_id;
    std::optional<std::int64_t> pupil_id;
};

// What an action touches, as precisely as the action knows it. A school-wide action (an import)
// names only the school; a journal page names the class or group and the subject; anything about
// one pupil names the pupil with their current class and groups.
struct Target {
    std::int64_t school_id = 0;
    std::optional<std::int64_t> class_id;
    std::vector<std::int64_t> group_ids;
    std::optional<std::int64_t> subject_id;
    std::optional<std::int64_t> pupil_id;
};

// True if `grant` allows `permission` on `target`: the role holds the permission (the matrix
// cell) and the target lies inside the grant's scope read at the cell's level: the wider of the
// two, so a subject teacher reads the roster of the whole class but writes marks only in their
// subject.
bool grant_allows(const Grant& grant, Permission permission, const Target& target);

bool any_grant_allows(std::span<const Grant> grants, Permission permission,
                      const Target& target);

}  // namespace schoolctl::domain
