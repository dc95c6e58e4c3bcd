#pragma once
// Roles, actions and how far each role reaches with each action, as data. Deny by default: an
// action is allowed only where a cell of the matrix in permissions.cpp names a reach.
//
// A grant gives an account a role within a scope: all schools, one school, a class, a subject in
// a class or group, or one child. The cell (role, permission) says at which level the grant's
// scope is read for that permission: a teacher granted «алгебра in 7Б» writes marks at the
// subject level (algebra in 7Б only) but reads the roster at the class level (all of 7Б).
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
    roster_read,        // see pupils, guardians, staff, classes
    roster_write,       // import and change rosters
    timetable_write,    // load timetables, substitutions
    marks_read,         // see marks
    marks_write,        // give and correct marks
    attendance_read,    // see absences
    attendance_write,   // record and excuse absences
    report_read,        // build reports
    credentials_issue,  // issue logins and activation codes to pupils and guardians
    accounts_manage,    // create, lock and reset accounts, grant roles, issue script tokens
    data_export,        // export the roster in bulk (CSV, XLSX, OneRoster): personal data leaves
    data_purge,         // remove the personal data of people who left (irreversible)
    audit_read,         // read the audit log
    database_admin,     // check, back up and migrate the database
};

// Scope kinds from the narrowest to the widest; the order matters (see reach()).
enum class Scope {
    child,    // one pupil: a guardian's child, or the student themselves
    subject,  // one subject in one class or group
    school_class,  // one class (or one group, for a group-scoped grant)
    school,
    all,      // every school of the database
};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);
std::string_view to_string(Permission permission);
std::optional<Permission> parse_permission(std::string_view text);
std::string_view to_string(Scope scope);
std::optional<Scope> parse_scope(std::string_view text);
// What the permission covers, one line, for `roles show` and the man page.
std::string_view describe(Permission permission);

std::span<const Role> all_roles();
std::span<const Permission> all_permissions();

// The cell of the matrix: the level at which `role` holds `permission`, or nullopt (denied).
std::optional<Scope> reach(Role role, Permission permission);
bool role_has(Role role, Permission permission);

// The scope kinds a role may be granted with: a teacher for a subject or a class, a class
// teacher for a class, a guardian or student for a child, the school roles for a school (the
// administrator also for all schools).
std::span<const Scope> grantable_scopes(Role role);

}  // namespace schoolctl::domain
