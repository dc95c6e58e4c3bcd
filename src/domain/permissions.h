#pragma once
// Roles and what they may do, as data. Deny by default: a permission is granted only by a row of
// the matrix in permissions.cpp. Scopes narrow a grant to a school (class, subject and child
// scopes arrive with the accounts model).
#include <optional>
#include <span>
#include <string_view>

namespace schoolctl::domain {

enum class Role {
    student,
    guardian,
    teacher,
    class_teacher,
    deputy_head,
    director,
    secretary,
    administrator,
};

enum class Permission {
    roster_read,      // see pupils, staff, classes
    roster_write,     // import and change rosters
    report_read,      // build reports
    audit_read,       // read the audit log
    database_admin,   // check, back up and migrate the database
    accounts_manage,  // create accounts, grant roles, issue script tokens
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view to_string(Permission permission);

std::span<const Role> all_roles();
std::span<const Permission> all_permissions();

bool role_has(Role role, Permission permission);

}  // namespace schoolctl::domain
