#include "domain/permissions.h"

#include <array>
#include <utility>

namespace schoolctl::domain {
namespace {

constexpr std::array roles = {Role::student,     Role::guardian, Role::teacher,
                              Role::class_teacher, Role::deputy_head, Role::director,
                              Role::secretary,   Role::administrator};

constexpr std::array permissions = {Permission::roster_read,    Permission::roster_write,
                                    Permission::report_read,    Permission::audit_read,
                                    Permission::database_admin, Permission::accounts_manage};

using P = Permission;
using R = Role;

// The matrix: every (role, permission) pair that is allowed. Anything absent is denied.
constexpr std::array<std::pair<Role, Permission>, 18> granted = {{
    {R::teacher, P::report_read},
    {R::class_teacher, P::roster_read},
    {R::class_teacher, P::report_read},
    {R::deputy_head, P::roster_read},
    {R::deputy_head, P::report_read},
    {R::director, P::roster_read},
    {R::director, P::report_read},
    {R::director, P::audit_read},
    {R::secretary, P::roster_read},
    {R::secretary, P::roster_write},
    {R::secretary, P::report_read},
    {R::secretary, P::accounts_manage},
    {R::administrator, P::roster_read},
    {R::administrator, P::roster_write},
    {R::administrator, P::report_read},
    {R::administrator, P::audit_read},
    {R::administrator, P::database_admin},
    {R::administrator, P::accounts_manage},
}};

constexpr std::array<std::pair<Role, std::string_view>, 8> role_names = {{
    {R::student, "student"},
    {R::guardian, "guardian"},
    {R::teacher, "teacher"},
    {R::class_teacher, "class_teacher"},
    {R::deputy_head, "deputy_head"},
    {R::director, "director"},
    {R::secretary, "secretary"},
    {R::administrator, "administrator"},
}};

}  // namespace

std::string_view to_string(Role role) {
    for (const auto& [r, name] : role_names) {
        if (r == role) {
            return name;
        }
    }
    return "unknown";
}

std::optional<Role> parse_role(std::string_view text) {
    for (const auto& [r, name] : role_names) {
        if (name == text) {
            return r;
        }
    }
    return std::nullopt;
}

std::string_view to_string(Permission permission) {
    switch (permission) {
    case P::roster_read:
        return "roster.read";
    case P::roster_write:
        return "roster.write";
    case P::report_read:
        return "report.read";
    case P::audit_read:
        return "audit.read";
    case P::database_admin:
        return "database.admin";
    case P::accounts_manage:
        return "accounts.manage";
    }
    return "unknown";
}

std::span<const Role> all_roles() { return roles; }
std::span<const Permission> all_permissions() { return permissions; }

bool role_has(Role role, Permission permission) {
    for (const auto& [r, p] : granted) {
        if (r == role && p == permission) {
            return true;
        }
    }
    return false;
}

}  // namespace schoolctl::domain
