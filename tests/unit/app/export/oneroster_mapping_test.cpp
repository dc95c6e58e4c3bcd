#include "app/export/oneroster_ids.h"
#include "app/export/oneroster_mapping.h"
#include "formats/oneroster_reader.h"
#include "formats/oneroster_writer.h"
#include "roster_fixture.h"
#include "support/temp_dir.h"
#include "util/error.h"

#include <catch2/catch.hpp>

using namespace schoolctl;

namespace {

template <typename Record>
const Record* find(const std::vector<Record>& records, const std::string& id) {
    for (const auto& r : records) {
        if (r.sourced_id == id) {
            return &r;
        }
    }
    return nullptr;
}

} // namespace

TEST_CASE("sourcedId parts keep letters, digits and '-', and encode the rest", "[app][export]") {
    CHECK(app::id_part("5А") == "5А");
    CHECK(app::id_part("5А англ. 1") == "5А%20англ%2E%201");
    CHECK(app::id_part("S-0001") == "S-0001");
    CHECK(app::id_part("a,b/c%") == "a%2Cb%2Fc%25");
}

TEST_CASE("the roster as a OneRoster bundle reads back without a problem", "[app][export]") {
    auto version = GENERATE(formats::OneRosterVersion::v1_1, formats::OneRosterVersion::v1_2);
    INFO(formats::version_text(version));
    app::RosterSnapshot r = test::small_roster();
    test::TempDir dir;
    formats::write_oneroster_folder(app::oneroster_bundle(r, version), version, dir / "bundle");
    formats::OneRosterBundle b = formats::read_oneroster_folder(dir / "bundle");
    for (const auto& p : b.problems) {
        INFO(p.str());
    }
    REQUIRE(b.problems.empty());
    CHECK(b.version == version);

    REQUIRE(b.orgs.size() == 1);
    CHECK(b.orgs[0].sourced_id == "msk-1234");
    REQUIRE(b.academic_sessions.size() == 1);
    CHECK(b.academic_sessions[0].sourced_id == "year.2026-2027");
    CHECK(b.academic_sessions[0].school_year == "2027");
    CHECK(b.courses.size() == 4); // two subjects, the classes' and the groups' courses
    CHECK(b.users.size() == 7);   // two staff, three pupils, two guardians

    const auto* teacher = find(b.users, "T-1");
    REQUIRE(teacher);
    CHECK(teacher->username == "zakharova.iv");
    CHECK(teacher->roles.at(0).role == "teacher");
    const auto* pupil = find(b.users, "pupil.21"); // no external id: a made-up one
    REQUIRE(pupil);
    CHECK(pupil->username == "pupil.21");
    CHECK(pupil->grades == std::vector<std::string>{"06"});
    CHECK(pupil->agent_sourced_ids == std::vector<std::string>{"G-1"});
    const auto* guardian = find(b.users, "guardian.31");
    REQUIRE(guardian);
    CHECK(guardian->roles.at(0).role == "guardian");
    CHECK(guardian->agent_sourced_ids == std::vector<std::string>{"S-3", "S-1"});

    const auto* homeroom = find(b.classes, "class.2026-2027.5А");
    REQUIRE(homeroom);
    CHECK(homeroom->class_type == "homeroom");
    const auto* group = find(b.classes, "group.2026-2027.5А%20англ%2E%201");
    REQUIRE(group);
    CHECK(group->class_type == "scheduled");
    CHECK(group->grades == std::vector<std::string>{"05", "06"});
    const auto* section = find(b.classes, "class.2026-2027.5А.MATH");
    REQUIRE(section);
    CHECK(section->title == "5А — Математика, алгебра");
    CHECK(section->course_sourced_id == "subject.MATH");
    CHECK(b.classes.size() ==
          7); // 2 homerooms, 2 groups, 5А MATH, the subgroup's ENG, the stream's MATH

    const auto* class_teacher = find(b.enrollments, "class.2026-2027.5А.T-1");
    REQUIRE(class_teacher);
    CHECK(class_teacher->role == "teacher");
    CHECK(class_teacher->primary == true);
    CHECK(find(b.enrollments, "class.2026-2027.5А.MATH.S-3"));
    REQUIRE(b.demographics.size() == 4); // the staff member and the pupils with a birth date
    CHECK(find(b.demographics, "S-1")->birth_date == "2015-10-06");
}

TEST_CASE("two people with one id cannot both be OneRoster users", "[app][export]") {
    app::RosterSnapshot r = test::small_roster();
    r.guardians[1].guardian.person.external_id = "S-1";
    CHECK_THROWS_AS(app::oneroster_bundle(r, formats::OneRosterVersion::v1_1), Error);
}
