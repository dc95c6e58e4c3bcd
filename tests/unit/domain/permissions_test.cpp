#include "domain/permissions.h"

#include <catch2/catch.hpp>

using namespace schoolctl::domain;

TEST_CASE("the permission matrix, cell by cell", "[domain][permissions]") {
    using P = Permission;
    using R = Role;
    auto [role, permission, allowed] = GENERATE(table<Role, Permission, bool>({
        {R::administrator, P::database_admin, true},
        {R::administrator, P::roster_write, true},
        {R::administrator, P::audit_read, true},
        {R::secretary, P::roster_write, true},
        {R::secretary, P::accounts_manage, true},
        {R::secretary, P::database_admin, false},
        {R::secretary, P::audit_read, false},
        {R::director, P::audit_read, true},
        {R::director, P::roster_write, false},
        {R::deputy_head, P::report_read, true},
        {R::deputy_head, P::roster_write, false},
        {R::teacher, P::report_read, true},
        {R::teacher, P::roster_read, false},
        {R::class_teacher, P::roster_read, true},
        {R::student, P::report_read, false},
        {R::student, P::roster_read, false},
        {R::guardian, P::roster_read, false},
        {R::guardian, P::report_read, false},
    }));
    CAPTURE(to_string(role), to_string(permission));
    CHECK(role_has(role, permission) == allowed);
}

TEST_CASE("pupils and guardians hold no permission of their own here", "[domain][permissions]") {
    for (Permission p : all_permissions()) {
        CHECK_FALSE(role_has(Role::student, p));
        CHECK_FALSE(role_has(Role::guardian, p));
        CHECK(role_has(Role::administrator, p));
    }
}

TEST_CASE("role names round-trip", "[domain][permissions]") {
    for (Role r : all_roles()) {
        CHECK(parse_role(to_string(r)) == r);
    }
    CHECK_FALSE(parse_role("superuser").has_value());
}
