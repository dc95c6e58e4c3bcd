#include "app/import/bundle_tables.h"

#include <catch2/catch.hpp>

#include "support/exit_code.h"

using namespace schoolctl;
using formats::OneRosterBundle;

namespace {

formats::OneRosterUser user(const std::string& id, const std::string& role,
                            const std::string& org, std::size_t line,
                            std::vector<std::string> agents = {}) {
    formats::OneRosterUser u;
    u.sourced_id = id;
    u.line = line;
    u.family_name = "Фамилия-" + id;
    u.given_name = "Имя";
    u.middle_name = "Отчество";
    u.agent_sourced_ids = std::move(agents);
    formats::OneRosterUserRole r;
    r.role = role;
    r.org_sourced_id = org;
    u.roles.push_back(r);
    return u;
}

formats::OneRosterClass section(const std::string& id, const std::string& title,
                                const std::string& type, const std::string& course,
                                std::size_t line) {
    formats::OneRosterClass c;
    c.sourced_id = id;
    c.title = title;
    c.class_type = type;
    c.course_sourced_id = course;
    c.school_sourced_id = "sch";
    c.line = line;
    return c;
}

void enrol(OneRosterBundle& b, const std::string& klass, const std::string& user,
           const std::string& role) {
    formats::OneRosterEnrollment e;
    e.sourced_id = "e" + std::to_string(b.enrollments.size());
    e.line = b.enrollments.size() + 2;
    e.class_sourced_id = klass;
    e.school_sourced_id = "sch";
    e.user_sourced_id = user;
    e.role = role;
    b.enrollments.push_back(e);
}

// A school of two homerooms: 5А (p1, p2) with its own maths section, and an English subgroup
// of 5А (p1) listed as a teacherless class and taught in a section of its own; p3 is in no
// homeroom; g1 is a parent held at the district, linked from p1's side only.
OneRosterBundle school() {
    OneRosterBundle b;
    formats::OneRosterOrg district, sch;
    district.sourced_id = "dist";
    district.type = "district";
    sch.sourced_id = "sch";
    sch.type = "school";
    sch.name = "Школа";
    b.orgs = {district, sch};
    formats::OneRosterCourse math, eng, home;
    math.sourced_id = "c-math";
    math.course_code = "MATH";
    math.title = "Математика";
    math.line = 2;
    eng.sourced_id = "c-eng";
    eng.title = "Английский язык";
    eng.line = 3;
    home.sourced_id = "c-home";
    home.title = "Классы";
    home.line = 4;
    b.courses = {math, eng, home};
    b.classes = {section("h-5a", "5 А", "homeroom", "c-home", 2),
                 section("h-5b", "Б-класс", "homeroom", "c-home", 3),
                 section("s-math", "5А — Математика", "scheduled", "c-math", 4),
                 section("l-eng", "5А англ. 1", "scheduled", "c-home", 5),
                 section("s-eng", "5А англ. 1 — Английский", "scheduled", "c-eng", 6)};
    b.classes[1].class_code = "5Б";
    b.users = {user("t1", "teacher", "sch", 2), user("p1", "student", "sch", 3, {"g1"}),
               user("p2", "student", "sch", 4), user("p3", "student", "sch", 5),
               user("g1", "parent", "dist", 6)};
    b.users[4].sms = "+79161234567";
    formats::OneRosterDemographic d;
    d.sourced_id = "p1";
    d.birth_date = "2015-10-06";
    b.demographics = {d};
    enrol(b, "h-5a", "t1", "teacher");
    for (const char* klass : {"h-5a", "s-math"}) {
        enrol(b, klass, "p1", "student");
        enrol(b, klass, "p2", "student");
    }
    enrol(b, "s-math", "t1", "teacher");
    enrol(b, "l-eng", "p1", "student");
    enrol(b, "s-eng", "p1", "student");
    enrol(b, "s-eng", "t1", "teacher");
    return b;
}

const app::BundleTable& table(const std::vector<app::BundleTable>& tables,
                              const std::string& kind) {
    for (const auto& t : tables) {
        if (t.kind == kind) {
            return t;
        }
    }
    FAIL("no table " << kind);
    throw;
}

std::vector<std::vector<std::string>> rows(const app::BundleTable& t) {
    std::vector<std::vector<std::string>> out;
    for (const auto& r : t.rows) {
        out.push_back(r.fields);
    }
    return out;
}

}  // namespace

TEST_CASE("a bundle maps to the seven roster tables in import order", "[app][oneroster]") {
    auto b = school();
    auto tables = app::bundle_tables(b, app::choose_school(b, ""));
    std::vector<std::string> kinds;
    for (const auto& t : tables) {
        kinds.push_back(t.kind);
    }
    CHECK(kinds == std::vector<std::string>{"subjects", "staff", "classes", "students",
                                            "guardians", "groups", "assignments"});

    // The homerooms' course is a container, not a subject; a course without a code uses its id.
    CHECK(rows(table(tables, "subjects")) ==
          std::vector<std::vector<std::string>>{{"MATH", "Математика"},
                                                {"c-eng", "Английский язык"}});
    CHECK(rows(table(tables, "classes")) ==
          std::vector<std::vector<std::string>>{{"5 А", "t1"}, {"5Б", ""}});
    CHECK(table(tables, "staff").rows.size() == 1);
}

TEST_CASE("pupils get their homeroom and birth date; one in no homeroom is rejected by line",
          "[app][oneroster]") {
    auto b = school();
    auto tables = app::bundle_tables(b, app::choose_school(b, ""));
    const auto& students = table(tables, "students");
    REQUIRE(students.rows.size() == 3);
    CHECK(students.rows[0].line == 3);
    CHECK(students.rows[0].fields ==
          std::vector<std::string>{"p1", "Фамилия-p1", "Имя", "Отчество", "2015-10-06", "5 А"});
    CHECK(students.problems.size() == 1);
    CHECK(students.problems.at(5).field == "class");
}

TEST_CASE("a parent held at the district is the school's when linked to its pupil",
          "[app][oneroster]") {
    auto b = school();
    auto tables = app::bundle_tables(b, app::choose_school(b, ""));
    CHECK(rows(table(tables, "guardians")) ==
          std::vector<std::vector<std::string>>{
              {"g1", "Фамилия-g1", "Имя", "Отчество", "+79161234567", "", "p1"}});
}

TEST_CASE("sections become teaching of a whole class or of a listed group", "[app][oneroster]") {
    auto b = school();
    auto tables = app::bundle_tables(b, app::choose_school(b, ""));
    // Only the teacherless list is a group; the section with the same pupils teaches it.
    CHECK(rows(table(tables, "groups")) ==
          std::vector<std::vector<std::string>>{{"5А англ. 1", "5 А", "subgroup", "p1"}});
    CHECK(rows(table(tables, "assignments")) ==
          std::vector<std::vector<std::string>>{{"t1", "MATH", "5 А", ""},
                                                {"t1", "c-eng", "", "5А англ. 1"}});
}

TEST_CASE("the school is the only school org, or the one --org names", "[app][oneroster]") {
    auto b = school();
    CHECK(app::choose_school(b, "").sourced_id == "sch");
    CHECK(app::choose_school(b, "dist").sourced_id == "dist");
    CHECK(test::exit_code_of([&] { app::choose_school(b, "nope"); }) == ExitCode::usage);
    b.orgs[0].type = "school";
    CHECK(test::exit_code_of([&] { app::choose_school(b, ""); }) == ExitCode::usage);
    b.orgs.clear();
    CHECK(test::exit_code_of([&] { app::choose_school(b, ""); }) == ExitCode::data);
}
