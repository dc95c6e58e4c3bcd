#include "domain/permissions.h"

#include <array>
#include <utility>

namespace schoolctl::domain {
namespace {

using P = Permission;
using R = Role;
using S = Scope;

constexpr std::array roles = {R::student,     R::guardian, R::teacher,   R::class_teacher,
                              R::deputy_head, R::director, R::secretary, R::administrator};

struct PermissionInfo {
    Permission permission;
    std::string_view name;
    std::string_view description;
};

constexpr std::array<PermissionInfo, 14> permission_info = {{
    {P::roster_read, "roster.read", "see pupils, guardians, staff, classes and groups"},
    {P::roster_write, "roster.write", "import and change the roster"},
    {P::timetable_write, "timetable.write", "load timetables and substitutions"},
    {P::marks_read, "marks.read", "see marks"},
    {P::marks_write, "marks.write", "give and correct marks"},
    {P::attendance_read, "attendance.read", "see absences"},
    {P::attendance_write, "attendance.write", "record and excuse absences"},
    {P::report_read, "report.read", "build reports"},
    {P::credentials_issue, "credentials.issue",
     "issue logins and activation codes to pupils and guardians"},
    {P::accounts_manage, "accounts.manage",
     "issue staff logins; lock, reset and disable accounts; grant roles; script tokens"},
    {P::data_export, "data.export",
     "export the roster in bulk (CSV, XLSX, OneRoster): children's personal data leaves the "
     "system"},
    {P::data_purge, "data.purge",
     "remove the personal data of pupils and staff who left, for good (schoolctl purge)"},
    {P::audit_read, "audit.read", "read and verify the audit log"},
    {P::database_admin, "database.admin", "check, back up and migrate the database"},
}};

struct Cell {
    Role role;
    Permission permission;
    Scope reach;
};

// The matrix. Every cell absent here is denied. Students and guardians only read, and only
// their own child; staff write within their scope (DOMAIN.md).
constexpr std::array cells = {
    Cell{R::student, P::roster_read, S::child},
    Cell{R::student, P::marks_read, S::child},
    Cell{R::student, P::attendance_read, S::child},

    Cell{R::guardian, P::roster_read, S::child},
    Cell{R::guardian, P::marks_read, S::child},
    Cell{R::guardian, P::attendance_read, S::child},

    Cell{R::teacher, P::roster_read, S::school_class},
    Cell{R::teacher, P::marks_read, S::subject},
    Cell{R::teacher, P::marks_write, S::subject},
    Cell{R::teacher, P::attendance_read, S::subject},
    Cell{R::teacher, P::attendance_write, S::subject},
    Cell{R::teacher, P::report_read, S::subject},

    Cell{R::class_teacher, P::roster_read, S::school_class},
    Cell{R::class_teacher, P::marks_read, S::school_class},
    Cell{R::class_teacher, P::attendance_read, S::school_class},
    Cell{R::class_teacher, P::attendance_write, S::school_class},
    Cell{R::class_teacher, P::report_read, S::school_class},
    Cell{R::class_teacher, P::credentials_issue, S::school_class},

    Cell{R::deputy_head, P::roster_read, S::school},
    Cell{R::deputy_head, P::timetable_write, S::school},
    Cell{R::deputy_head, P::marks_read, S::school},
    Cell{R::deputy_head, P::marks_write, S::school},  // marks past the teachers' edit window
    Cell{R::deputy_head, P::attendance_read, S::school},
    Cell{R::deputy_head, P::report_read, S::school},

    Cell{R::director, P::roster_read, S::school},
    Cell{R::director, P::marks_read, S::school},
    Cell{R::director, P::attendance_read, S::school},
    Cell{R::director, P::report_read, S::school},
    Cell{R::director, P::audit_read, S::school},

    Cell{R::secretary, P::roster_read, S::school},
    Cell{R::secretary, P::roster_write, S::school},
    Cell{R::secretary, P::report_read, S::school},
    Cell{R::secretary, P::credentials_issue, S::school},
    Cell{R::secretary, P::accounts_manage, S::school},
    Cell{R::secretary, P::data_export, S::school},

    Cell{R::administrator, P::roster_read, S::school},
    Cell{R::administrator, P::roster_write, S::school},
    Cell{R::administrator, P::timetable_write, S::school},
    Cell{R::administrator, P::marks_read, S::school},
    Cell{R::administrator, P::marks_write, S::school},
    Cell{R::administrator, P::attendance_read, S::school},
    Cell{R::administrator, P::attendance_write, S::school},
    Cell{R::administrator, P::report_read, S::school},
    Cell{R::administrator, P::credentials_issue, S::school},
    Cell{R::administrator, P::accounts_manage, S::school},
    Cell{R::administrator, P::data_export, S::school},
    Cell{R::administrator, P::data_purge, S::school},
    Cell{R::administrator, P::audit_read, S::school},
    Cell{R::administrator, P::database_admin, S::school},
};

constexpr std::array child_only = {S::child};
constexpr std::array teaching = {S::subject, S::school_class};
constexpr std::array one_class = {S::school_class};
constexpr std::array one_school = {S::school};
constexpr std::array any_school = {S::school, S::all};

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

constexpr std::array<std::pair<Scope, std::string_view>, 5> scope_names = {{
    {S::child, "child"},
    {S::subject, "subject"},
    {S::school_class, "class"},
    {S::school, "school"},
    {S::all, "all"},
}};

constexpr std::array<Permission, permission_info.size()> permission_list() {
    std::array<Permission, permission_info.size()> out{};
    for (std::size_t i = 0; i < permission_info.size(); ++i) {
        out[i] = permission_info[i].permission;
    }
    return out;
}
constexpr auto permissions = permission_list();

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
    for (const auto& info : permission_info) {
        if (info.permission == permission) {
            return info.name;
        }
    }
    return "unknown";
}

std::optional<Permission> parse_permission(std::string_view text) {
    for (const auto& info : permission_info) {
        if (info.name == text) {
            return info.permission;
        }
    }
    return std::nullopt;
}

std::string_view describe(Permission permission) {
    for (const auto& info : permission_info) {
        if (info.permission == permission) {
            return info.description;
        }
    }
    return "";
}

std::string_view to_string(Scope scope) {
    for (const auto& [s, name] : scope_names) {
        if (s == scope) {
            return name;
        }
    }
    return "unknown";
}

std::optional<Scope> parse_scope(std::string_view text) {
    for (const auto& [s, name] : scope_names) {
        if (name == text) {
            return s;
        }
    }
    return std::nullopt;
}

std::span<const Role> all_roles() { return roles; }
std::span<const Permission> all_permissions() { return permissions; }

std::optional<Scope> reach(Role role, Permission permission) {
    for (const Cell& c : cells) {
        if (c.role == role && c.permission == permission) {
            return c.reach;
        }
    }
    return std::nullopt;
}

bool role_has(Role role, Permission permission) { return reach(role, permission).has_value(); }

std::span<const Scope> grantable_scopes(Role role) {
    switch (role) {
    case R::student:
    case R::guardian:
        return child_only;
    case R::teacher:
        return teaching;
    case R::class_teacher:
        return one_class;
    case R::deputy_head:
    case R::director:
    case R::secretary:
        return one_school;
    case R::administrator:
        return any_school;
    }
    return {};
}

}  // namespace schoolctl::domain
