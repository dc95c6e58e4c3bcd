#include "domain/access.h"
#include "domain/permissions.h"

#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace schoolctl::domain;

namespace {

// The model as the man page states it: the reach of every role for every permission ("-" is
// denied). Written out here independently of permissions.cpp so a changed cell fails a test.
const char* const expected_matrix = R"(
permission        student guardian teacher class_teacher deputy_head director secretary administrator
roster.read       child   child    class   class         school      school   school    school
roster.write      -       -        -       -             -           -        school    school
timetable.write   -       -        -       -             school      -        -         school
marks.read        child   child    subject class         school      school   -         school
marks.write       -       -        subject -             school      -        -         school
attendance.read   child   child    subject class         school      school   -         school
attendance.write  -       -        subject class         -           -        -         school
report.read       -       -        subject class         school      school   school    school
credentials.issue -       -        -       class         -           -        school    school
accounts.manage   -       -        -       -             -           -        school    school
data.export       -       -        -       -             -           -        school    school
data.purge        -       -        -       -             -           -        -         school
audit.read        -       -        -       -             -           school   -         school
database.admin    -       -        -       -             -           -        -         school
)";

struct ExpectedCell {
    Role role;
    Permission permission;
    std::string reach;  // "-" or a scope name
};

std::vector<ExpectedCell> parse_expected() {
    std::istringstream in(expected_matrix);
    std::string line;
    std::vector<Role> columns;
    std::vector<ExpectedCell> cells;
    while (std::getline(in, line)) {
        std::istringstream words(line);
        std::string first;
        if (!(words >> first)) {
            continue;
        }
        std::vector<std::string> rest;
        for (std::string w; words >> w;) {
            rest.push_back(w);
        }
        if (first == "permission") {
            for (const auto& w : rest) {
                columns.push_back(parse_role(w).value());
            }
            continue;
        }
        Permission p = parse_permission(first).value();
        REQUIRE(rest.size() == columns.size());
        for (std::size_t i = 0; i < rest.size(); ++i) {
            cells.push_back({columns[i], p, rest[i]});
        }
    }
    return cells;
}

// A small school: 5А (class 10) with subgroup 20, 5Б (class 11), subject 30 (maths) and 31
// (history); pupil 40 in 5А and subgroup 20, pupil 41 in 5А only. School 2 is another school.
constexpr std::int64_t school = 1, other_school = 2, class_5a = 10, class_5b = 11, subgroup = 20,
                       maths = 30, history = 31, own_child = 40, classmate = 41;

const std::map<std::string, Target>& targets() {
    static const std::map<std::string, Target> all = {
        {"own child's maths", {school, class_5a, {subgroup}, maths, own_child}},
        {"classmate's maths", {school, class_5a, {}, maths, classmate}},
        {"5А history", {school, class_5a, {}, history, std::nullopt}},
        {"5А roster", {school, class_5a, {}, std::nullopt, std::nullopt}},
        {"5Б maths", {school, class_5b, {}, maths, std::nullopt}},
        {"the whole school", {school, std::nullopt, {}, std::nullopt, std::nullopt}},
        {"another school", {other_school, 12, {}, maths, 77}},
    };
    return all;
}

// Which targets a grant at its natural scope reaches at each level.
const std::map<std::string, std::set<std::string>>& reached() {
    static const std::map<std::string, std::set<std::string>> by_level = {
        {"child", {"own child's maths"}},
        {"subject", {"own child's maths", "classmate's maths"}},
        {"class", {"own child's maths", "classmate's maths", "5А history", "5А roster"}},
        {"school",
         {"own child's maths", "classmate's maths", "5А history", "5А roster", "5Б maths",
          "the whole school"}},
    };
    return by_level;
}

// Each role granted the way the school grants it: a pupil or guardian for child 40, a teacher for
// maths in 5А, a class teacher for 5А, everyone else for school 1.
Grant natural_grant(Role role) {
    switch (role) {
    case Role::student:
    case Role::guardian:
        return {role, Scope::child, school, {}, {}, {}, own_child};
    case Role::teacher:
        return {role, Scope::subject, school, class_5a, {}, maths, {}};
    case Role::class_teacher:
        return {role, Scope::school_class, school, class_5a, {}, {}, {}};
    default:
        return {role, Scope::school, school, {}, {}, {}, {}};
    }
}

}  // namespace

TEST_CASE("the matrix holds exactly the documented reach in every cell",
          "[domain][permissions]") {
    auto cells = parse_expected();
    REQUIRE(cells.size() == all_roles().size() * all_permissions().size());
    for (const auto& c : cells) {
        CAPTURE(to_string(c.role), to_string(c.permission));
        auto r = reach(c.role, c.permission);
        CHECK(std::string(r ? to_string(*r) : "-") == c.reach);
    }
}

TEST_CASE("every cell allows its scope and denies everything outside it",
          "[domain][permissions]") {
    for (const auto& c : parse_expected()) {
        Grant grant = natural_grant(c.role);
        for (const auto& [name, target] : targets()) {
            bool expected = c.reach != "-" && reached().at(c.reach).count(name) > 0;
            CAPTURE(to_string(c.role), to_string(c.permission), name);
            CHECK(grant_allows(grant, c.permission, target) == expected);
        }
    }
}

TEST_CASE("the refusals the school relies on", "[domain][permissions]") {
    const auto& t = targets();
    SECTION("a teacher writing marks for a class they do not teach") {
        CHECK_FALSE(grant_allows(natural_grant(Role::teacher), Permission::marks_write,
                                 t.at("5Б maths")));
        CHECK_FALSE(grant_allows(natural_grant(Role::teacher), Permission::marks_write,
                                 t.at("5А history")));
    }
    SECTION("a class teacher issuing slips for another class") {
        Target five_b{school, class_5b, {}, {}, {}};
        CHECK_FALSE(grant_allows(natural_grant(Role::class_teacher),
                                 Permission::credentials_issue, five_b));
        CHECK(grant_allows(natural_grant(Role::class_teacher), Permission::credentials_issue,
                           t.at("5А roster")));
        CHECK_FALSE(grant_allows(natural_grant(Role::class_teacher),
                                 Permission::credentials_issue, t.at("the whole school")));
    }
    SECTION("a guardian reading another family's child") {
        for (Permission p : {Permission::marks_read, Permission::attendance_read,
                             Permission::roster_read}) {
            CHECK_FALSE(
                grant_allows(natural_grant(Role::guardian), p, t.at("classmate's maths")));
        }
    }
    SECTION("a secretary of one school touching another school") {
        for (Permission p : {Permission::roster_read, Permission::roster_write,
                             Permission::accounts_manage, Permission::credentials_issue}) {
            CHECK_FALSE(grant_allows(natural_grant(Role::secretary), p, t.at("another school")));
        }
    }
}

TEST_CASE("group-scoped teaching reaches the group's pupils only", "[domain][permissions]") {
    // English in subgroup 20 of 5А: pupil 40 is in the subgroup, pupil 41 is not.
    Grant english{Role::teacher, Scope::subject, school, class_5a, subgroup, maths, {}};
    Target in_group{school, class_5a, {subgroup}, maths, own_child};
    Target other_half{school, class_5a, {21}, maths, classmate};
    CHECK(grant_allows(english, Permission::marks_write, in_group));
    CHECK_FALSE(grant_allows(english, Permission::marks_write, other_half));
    // ...but the class list of 5А is theirs to read.
    CHECK(grant_allows(english, Permission::roster_read, targets().at("5А roster")));

    // A stream mixing classes has no class: only its own members.
    Grant stream{Role::teacher, Scope::subject, school, {}, 25, maths, {}};
    CHECK(grant_allows(stream, Permission::marks_write, {school, class_5b, {25}, maths, 50}));
    CHECK_FALSE(grant_allows(stream, Permission::marks_write, {school, class_5b, {}, maths, 51}));
    CHECK_FALSE(grant_allows(stream, Permission::roster_read, targets().at("5А roster")));
}

TEST_CASE("a teacher of a whole class teaches every subject there", "[domain][permissions]") {
    Grant primary{Role::teacher, Scope::school_class, school, class_5a, {}, {}, {}};
    CHECK(grant_allows(primary, Permission::marks_write, targets().at("5А history")));
    CHECK(grant_allows(primary, Permission::marks_write, targets().at("classmate's maths")));
    CHECK_FALSE(grant_allows(primary, Permission::marks_write, targets().at("5Б maths")));
}

TEST_CASE("an all-schools administrator reaches every school; a malformed grant nothing",
          "[domain][permissions]") {
    Grant root{Role::administrator, Scope::all, {}, {}, {}, {}, {}};
    CHECK(grant_allows(root, Permission::roster_write, targets().at("another school")));
    Grant wide_guardian{Role::guardian, Scope::school, school, {}, {}, {}, {}};
    Grant wide_secretary{Role::secretary, Scope::all, {}, {}, {}, {}, {}};
    for (const auto& [name, target] : targets()) {
        CAPTURE(name);
        CHECK_FALSE(grant_allows(wide_guardian, Permission::marks_read, target));
        CHECK_FALSE(grant_allows(wide_secretary, Permission::roster_write, target));
    }
}

TEST_CASE("role, permission and scope names round-trip", "[domain][permissions]") {
    for (Role r : all_roles()) {
        CHECK(parse_role(to_string(r)) == r);
        CHECK_FALSE(grantable_scopes(r).empty());
    }
    for (Permission p : all_permissions()) {
        CHECK(parse_permission(to_string(p)) == p);
        CHECK_FALSE(describe(p).empty());
    }
    for (Scope s : {Scope::child, Scope::subject, Scope::school_class, Scope::school, Scope::all}) {
        CHECK(parse_scope(to_string(s)) == s);
    }
    CHECK_FALSE(parse_role("superuser").has_value());
    CHECK_FALSE(parse_permission("roster.delete").has_value());
}
