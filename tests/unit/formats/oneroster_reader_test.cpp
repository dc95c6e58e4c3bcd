#include "formats/oneroster_csv.h"
#include "formats/oneroster_reader.h"
#include "support/exit_code.h"
#include "support/temp_dir.h"
#include "util/error.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

using schoolctl::Error;
using schoolctl::ExitCode;
using schoolctl::formats::BundleSource;
using schoolctl::formats::OneRosterBundle;
using schoolctl::formats::OneRosterVersion;
using schoolctl::formats::parse_oneroster_csv;
using schoolctl::formats::read_oneroster;
using schoolctl::formats::read_oneroster_folder;
using schoolctl::test::exit_code_of;

namespace {

std::filesystem::path data(const std::string& bundle) {
    return std::filesystem::path(SCHOOLCTL_SOURCE_DIR) / "tests/data/oneroster" / bundle;
}

// A bundle in memory, so that each test can break one file of a good bundle.
class MemorySource : public BundleSource {
  public:
    explicit MemorySource(std::map<std::string, std::string> files) : files_(std::move(files)) {}
    std::vector<std::string> names() const override {
        std::vector<std::string> out;
        for (const auto& [name, bytes] : files_) {
            out.push_back(name);
        }
        return out;
    }
    std::string read(const std::string& name) const override { return files_.at(name); }
    std::string label() const override { return "memory"; }

  private:
    std::map<std::string, std::string> files_;
};

using Files = std::map<std::string, std::string>;

Files load(const std::string& bundle) {
    Files files;
    for (const auto& entry : std::filesystem::directory_iterator(data(bundle))) {
        std::ifstream in(entry.path(), std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        files[entry.path().filename().string()] = bytes.str();
    }
    return files;
}

// `text` with its only occurrence of `from` replaced; fails the test when there is none.
std::string replace(std::string text, const std::string& from, const std::string& to) {
    const auto at = text.find(from);
    REQUIRE(at != std::string::npos);
    REQUIRE(text.find(from, at + 1) == std::string::npos);
    return text.replace(at, from.size(), to);
}

std::vector<std::string> problems_of(const Files& files) {
    const OneRosterBundle b = read_oneroster(MemorySource(files));
    std::vector<std::string> out;
    for (const auto& p : b.problems) {
        out.push_back(p.str());
    }
    return out;
}

// The one problem reading these files gives.
std::string only_problem(const Files& files) {
    const auto problems = problems_of(files);
    CAPTURE(problems);
    REQUIRE(problems.size() == 1);
    return problems.front();
}

Error error_for(const Files& files) {
    try {
        read_oneroster(MemorySource(files));
    } catch (const Error& e) {
        return e;
    }
    FAIL("no error for this bundle");
    return Error(ExitCode::ok, "");
}

const schoolctl::formats::OneRosterUser& user(const OneRosterBundle& b, const std::string& id) {
    const auto it = std::find_if(b.users.begin(), b.users.end(),
                                 [&](const auto& u) { return u.sourced_id == id; });
    REQUIRE(it != b.users.end());
    return *it;
}

} // namespace

TEST_CASE("oneroster: the 1.1 sample bundle reads without problems", "[oneroster]") {
    const OneRosterBundle b = read_oneroster_folder(data("v1.1"));
    CHECK(b.problems.empty());
    CHECK(b.version == OneRosterVersion::v1_1);
    CHECK(b.manifest.at("oneroster.version") == "1.1");
    CHECK(b.manifest.at("source.systemName") == "Школьный журнал");
    CHECK(b.orgs.size() == 2);
    CHECK(b.academic_sessions.size() == 3);
    CHECK(b.courses.size() == 2);
    CHECK(b.classes.size() == 2);
    CHECK(b.users.size() == 7);
    CHECK(b.enrollments.size() == 5);
    CHECK(b.demographics.size() == 3);

    CHECK(b.orgs[1].name == "ГБОУ «Школа № 1234», г. Москва"); // quoted: it has a comma
    CHECK(b.orgs[1].parent_sourced_id == "org-dep");
    CHECK(b.classes[0].location == "Кабинет 21 \"Б\"");
    CHECK(b.classes[0].term_sourced_ids == std::vector<std::string>{"as-2027-q1", "as-2027-q2"});
    CHECK(b.classes[0].periods == std::vector<std::string>{"1", "3"});
    CHECK(b.academic_sessions[1].parent_sourced_id == "as-2027");
    CHECK(b.academic_sessions[1].school_year == "2027");

    const auto& alyona = user(b, "s-elkina");
    CHECK(alyona.line == 5);
    CHECK(alyona.given_name == "Алёна");
    CHECK(alyona.family_name == "Ёлкина");
    CHECK(alyona.middle_name == "Андреевна");
    CHECK(alyona.grades == std::vector<std::string>{"05"});
    CHECK(alyona.user_ids == std::vector<std::string>{"{RU:PUP-102}"});
    // A child with two guardians, and a guardian with two children.
    CHECK(alyona.agent_sourced_ids == std::vector<std::string>{"g-elkina", "g-orlov"});
    CHECK(user(b, "g-elkina").agent_sourced_ids == std::vector<std::string>{"s-elkin", "s-elkina"});
    // users.role and orgSourcedIds become one primary role per org.
    REQUIRE(alyona.roles.size() == 1);
    CHECK(alyona.roles[0].role == "student");
    CHECK(alyona.roles[0].org_sourced_id == "org-1234");
    CHECK(alyona.roles[0].primary);
    CHECK(alyona.roles[0].sourced_id.empty());
    CHECK(user(b, "g-orlov").roles.at(0).role == "parent");

    CHECK(b.enrollments[0].primary == true);
    CHECK(b.enrollments[1].primary == false);
    CHECK_FALSE(b.enrollments[4].primary.has_value());
    CHECK(b.enrollments[4].begin_date == "2026-09-01");
    CHECK(b.demographics[1].sourced_id == "s-elkina");
    CHECK(b.demographics[1].birth_date == "2015-02-28");
    CHECK(b.demographics[1].sex == "female");
    CHECK(b.demographics[1].line == 3);
}

TEST_CASE("oneroster: the 1.2 sample bundle reads without problems, roles from roles.csv",
          "[oneroster]") {
    const OneRosterBundle b = read_oneroster_folder(data("v1.2"));
    CHECK(b.problems.empty());
    CHECK(b.version == OneRosterVersion::v1_2);
    CHECK(b.users.size() == 7);
    const auto& semenov = user(b, "t-semenov");
    REQUIRE(semenov.roles.size() == 2);
    CHECK(semenov.roles[0].role == "teacher");
    CHECK(semenov.roles[0].primary);
    CHECK(semenov.roles[0].sourced_id == "r-t-semenov-1");
    CHECK(semenov.roles[0].line == 3);
    CHECK(semenov.roles[1].role == "principal");
    CHECK_FALSE(semenov.roles[1].primary);
    CHECK(semenov.roles[1].begin_date == "2026-09-01");
    CHECK(semenov.roles[1].org_sourced_id == "org-1234");
    const auto& alyona = user(b, "s-elkina");
    CHECK(alyona.preferred_given_name == "Алёнка");
    CHECK(alyona.primary_org_sourced_id == "org-1234");
    CHECK(alyona.agent_sourced_ids == std::vector<std::string>{"g-elkina", "g-orlov"});
    CHECK(alyona.roles.at(0).role == "student");
}

TEST_CASE("oneroster: the broken bundle reports every mistake, in file order", "[oneroster]") {
    const OneRosterBundle b = read_oneroster_folder(data("broken"));
    std::vector<std::string> got;
    for (const auto& p : b.problems) {
        got.push_back(p.str());
    }
    // The same list, explained, is tests/data/oneroster/broken/README.md.
    const std::vector<std::string> expected = {
        "manifest.csv:9: file.courseResources: is absent, but the bundle has courseResources.csv",
        "manifest.csv:13: file.lineItems: is bulk, but the bundle has no lineItems.csv",
        "manifest.csv:18: file.results: \"full\" is not a processing mode (expected bulk, delta "
        "or absent)",
        "academicSessions.csv:3: type: \"quarter\" is not allowed (expected gradingPeriod, "
        "semester, schoolYear, term or ext:NAME)",
        "academicSessions.csv:4: startDate: \"2026-09-31\" is not a date (expected YYYY-MM-DD)",
        "academicSessions.csv:4: schoolYear: is required",
        "classes.csv:2: courseSourcedId: \"crs-none\" is not a course in courses.csv",
        "classes.csv:3: schoolSourcedId: \"org-404\" is not an org in orgs.csv",
        "classes.csv:3: termSourcedIds: \"as-2027-q9\" is not an academic session in "
        "academicSessions.csv",
        "courses.csv:3: orgSourcedId: \"org-9999\" is not an org in orgs.csv",
        "courses.csv:4: has 9 fields, expected 10",
        "demographics.csv:1: birthDate: column 4 is \"birthdate\" (expected \"birthDate\"; "
        "column names are case-sensitive)",
        "enrollments.csv:2: classSourcedId: \"cls-unknown\" is not a class in classes.csv",
        "enrollments.csv:3: userSourcedId: \"s-ghost\" is not a user in users.csv",
        "enrollments.csv:4: role: \"pupil\" is not allowed (expected administrator, proctor, "
        "student, teacher or ext:NAME)",
        "enrollments.csv:6: endDate: \"2026-08-31\" is before beginDate \"2026-09-01\"",
        "orgs.csv:2: status: must be blank in a bulk file, found \"active\" (manifest.csv: "
        "file.orgs is bulk)",
        "orgs.csv:4: type: \"gymnasium\" is not allowed (expected department, school, district, "
        "local, state, national or ext:NAME)",
        "roles.csv:2: status: \"deleted\" is not a status (expected active or tobedeleted)",
        "roles.csv:2: dateLastModified: \"2026-09-01 10:00\" is not a date and time (expected "
        "YYYY-MM-DDThh:mm:ssZ)",
        "roles.csv:4: role: \"director\" is not allowed (expected aide, counselor, "
        "districtAdministrator, guardian, parent, principal, proctor, relative, "
        "siteAdministrator, student, systemAdministrator, teacher or ext:NAME)",
        "users.csv:2: enabledUser: \"yes\" is not a boolean (expected true or false)",
        "users.csv:4: givenName: is required",
        "users.csv:6: agentSourcedIds: \"u-999\" is not a user in users.csv",
    };
    CHECK(got == expected);
    // Rows with problems stay in the bundle, so the import layer can reject them by line.
    CHECK(b.users.size() == 7);
    CHECK(b.enrollments.size() == 5);
    CHECK(b.demographics.empty()); // its header is wrong: nothing in it can be trusted
}

TEST_CASE("oneroster: a path that is not there, not a folder, or not a bundle", "[oneroster]") {
    schoolctl::test::TempDir dir;
    CHECK(exit_code_of([&] { read_oneroster_folder(dir / "nope"); }) == ExitCode::no_input);
    std::ofstream(dir / "bundle.zip") << "PK";
    CHECK(exit_code_of([&] { read_oneroster_folder(dir / "bundle.zip"); }) == ExitCode::data);
    std::filesystem::create_directory(dir / "empty");
    const auto e = [&] {
        try {
            read_oneroster_folder(dir / "empty");
        } catch (const Error& err) {
            return err;
        }
        FAIL("no error");
        return Error(ExitCode::ok, "");
    }();
    CHECK(e.code() == ExitCode::data);
    CHECK_THAT(e.what(), Catch::Contains("is not a OneRoster bundle: it has no manifest.csv"));

    Files files = load("v1.1");
    files["Manifest.csv"] = files.at("manifest.csv");
    files.erase("manifest.csv");
    CHECK_THAT(error_for(files).what(),
               Catch::Contains("(there is \"Manifest.csv\"; file names are case-sensitive)"));
}

TEST_CASE("oneroster: the manifest names a version this reader knows", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("an unknown version") {
        files["manifest.csv"] =
            replace(files.at("manifest.csv"), "oneroster.version,1.1", "oneroster.version,1.0");
        const Error e = error_for(files);
        CHECK(e.code() == ExitCode::data);
        CHECK(std::string(e.what()) ==
              "memory: manifest.csv:3: oneroster.version: \"1.0\" is not a version this reader "
              "knows (expected 1.1 or 1.2)");
    }
    SECTION("no version") {
        files["manifest.csv"] = replace(files.at("manifest.csv"), "oneroster.version,1.1\r\n", "");
        CHECK_THAT(error_for(files).what(),
                   Catch::Contains("manifest.csv: oneroster.version: is missing"));
    }
    SECTION("a header that is not the manifest's") {
        files["manifest.csv"] =
            replace(files.at("manifest.csv"), "propertyName,value", "property,value");
        CHECK_THAT(error_for(files).what(),
                   Catch::Contains("manifest.csv:1: the header must be propertyName,value"));
    }
}

TEST_CASE("oneroster: manifest entries agree with the files present", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("manifest.version") {
        files["manifest.csv"] =
            replace(files.at("manifest.csv"), "manifest.version,1.0", "manifest.version,2.0");
        CHECK(only_problem(files) == "manifest.csv:2: manifest.version: \"2.0\" is not 1.0");
    }
    SECTION("a file the manifest does not list") {
        files["manifest.csv"] = replace(files.at("manifest.csv"), "file.demographics,bulk\r\n", "");
        CHECK(only_problem(files) == "manifest.csv: file.demographics: is missing, but the "
                                     "bundle has demographics.csv (expected bulk or delta)");
    }
    SECTION("a listed file that is not there, by a near miss of its name") {
        files["Users.csv"] = files.at("users.csv");
        files.erase("users.csv");
        const auto problems = problems_of(files);
        REQUIRE_FALSE(problems.empty());
        CHECK(problems[0] == "manifest.csv:16: file.users: is bulk, but the bundle has no "
                             "users.csv (there is \"Users.csv\"; file names are case-sensitive)");
    }
    SECTION("a file of the other version") {
        files["manifest.csv"] += "file.roles,absent\r\n";
        CHECK(only_problem(files) == "manifest.csv:18: file.roles: is not a file of OneRoster 1.1");
    }
    SECTION("a property twice") {
        files["manifest.csv"] += "file.users,bulk\r\n";
        CHECK(only_problem(files) == "manifest.csv:18: file.users: is also on line 16");
    }
    SECTION("absent means not read") {
        files["manifest.csv"] =
            replace(files.at("manifest.csv"), "file.demographics,bulk", "file.demographics,absent");
        files["demographics.csv"] = "garbage\r\n";
        const OneRosterBundle b = read_oneroster(MemorySource(files));
        REQUIRE(b.problems.size() == 1);
        CHECK(b.problems[0].str() ==
              "manifest.csv:10: file.demographics: is absent, but the bundle has demographics.csv");
        CHECK(b.demographics.empty());
    }
}

TEST_CASE("oneroster: headers are the spec's columns, case-sensitive, in order", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("a missing column is named with where it belongs") {
        files["users.csv"] =
            replace(files.at("users.csv"), "familyName,middleName,", "familyName,");
        // One problem: the rows are not read (nor blamed one by one), and references into the
        // file are not checked against it.
        CHECK(only_problem(files) == "users.csv:1: middleName: column \"middleName\" is missing "
                                     "(expected it as column 11, after \"familyName\")");
    }
    SECTION("a misspelled column") {
        files["users.csv"] = replace(files.at("users.csv"), ",givenName,", ",firstName,");
        CHECK(only_problem(files) ==
              "users.csv:1: givenName: column 9 is \"firstName\" (expected \"givenName\")");
    }
    SECTION("a column in the wrong case") {
        files["users.csv"] = replace(files.at("users.csv"), ",givenName,", ",givenname,");
        CHECK(only_problem(files) == "users.csv:1: givenName: column 9 is \"givenname\" (expected "
                                     "\"givenName\"; column names are case-sensitive)");
    }
    SECTION("an extra column in the middle") {
        files["users.csv"] = replace(files.at("users.csv"), ",givenName,", ",nickname,givenName,");
        CHECK(only_problem(files) == "users.csv:1: nickname: column 9 \"nickname\" is not a column "
                                     "of users.csv here (expected \"givenName\")");
    }
    SECTION("extension columns after the spec's") {
        std::string& orgs = files["orgs.csv"];
        orgs = replace(orgs, "parentSourcedId\r\n", "parentSourcedId,metadata.ru.inn\r\n");
        orgs = replace(orgs, "DOGM,\r\n", "DOGM,,7710146102\r\n");
        orgs = replace(orgs, "1234,org-dep\r\n", "1234,org-dep,7701234567\r\n");
        CHECK(problems_of(files).empty());
        orgs = replace(orgs, "metadata.ru.inn", "inn");
        CHECK(only_problem(files) ==
              "orgs.csv:1: inn: column 8 \"inn\" is not a OneRoster column (extension columns are "
              "named metadata.NAME and come after the spec's)");
    }
    SECTION("a 1.1 header in a 1.2 bundle") {
        Files v12 = load("v1.2");
        v12["users.csv"] = files.at("users.csv");
        const auto problems = problems_of(v12);
        REQUIRE_FALSE(problems.empty());
        CHECK(std::count(problems.begin(), problems.end(),
                         "users.csv:1: this is the OneRoster 1.1 header, but manifest.csv says "
                         "oneroster.version 1.2") == 1);
    }
}

TEST_CASE("oneroster: RFC 4180 text, UTF-8, one field per column", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("a BOM and LF line ends are accepted") {
        std::string orgs = files.at("orgs.csv");
        std::string lf;
        for (char c : orgs) {
            if (c != '\r') {
                lf.push_back(c);
            }
        }
        files["orgs.csv"] = "\xEF\xBB\xBF" + lf;
        CHECK(problems_of(files).empty());
    }
    SECTION("a row with a field too few") {
        files["orgs.csv"] = replace(files.at("orgs.csv"), "1234,org-dep", "1234");
        CHECK(only_problem(files) == "orgs.csv:3: has 6 fields, expected 7");
    }
    SECTION("text after a closing quote") {
        files["orgs.csv"] = replace(files.at("orgs.csv"), "г. Москва\"", "г. Москва\"x");
        CHECK(only_problem(files) == "orgs.csv:3: text after the closing quote of field 4");
    }
    SECTION("a quote never closed") {
        files["users.csv"] = replace(files.at("users.csv"), "orlov.so", "\"orlov.so");
        CHECK(only_problem(files) == "users.csv:8: a quoted field is never closed");
    }
    SECTION("bytes that are not UTF-8") {
        // «Ёлкин» in Windows-1251
        files["users.csv"] =
            replace(files.at("users.csv"), "Фёдор,Ёлкин", "Фёдор,\xA8\xEB\xEA\xE8\xED");
        const auto problems = problems_of(files);
        REQUIRE_FALSE(problems.empty());
        CHECK(problems[0] ==
              "users.csv:4: byte 0xA8 is not valid UTF-8 (OneRoster files are UTF-8)");
    }
}

TEST_CASE("oneroster: values: required, dates, booleans, years, unique ids", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("required") {
        files["courses.csv"] = replace(files.at("courses.csv"), "Русский язык, 5 класс", "");
        CHECK(only_problem(files) == "courses.csv:3: title: is required");
    }
    SECTION("a date that is not a day") {
        files["demographics.csv"] =
            replace(files.at("demographics.csv"), "2015-02-28", "2015-02-29");
        CHECK(only_problem(files) ==
              "demographics.csv:3: birthDate: \"2015-02-29\" is not a date (expected YYYY-MM-DD)");
        files["demographics.csv"] =
            replace(files.at("demographics.csv"), "2015-02-29", "2016-02-29");
        CHECK(problems_of(files).empty());
        files["demographics.csv"] =
            replace(files.at("demographics.csv"), "2016-02-29", "28.02.2015");
        CHECK(only_problem(files) ==
              "demographics.csv:3: birthDate: \"28.02.2015\" is not a date (expected YYYY-MM-DD)");
    }
    SECTION("booleans are true or false") {
        files["enrollments.csv"] = replace(files.at("enrollments.csv"), "t-kovaleva,teacher,true",
                                           "t-kovaleva,teacher,TRUE");
        CHECK(only_problem(files) ==
              "enrollments.csv:2: primary: \"TRUE\" is not a boolean (expected true or false)");
    }
    SECTION("a school year is a year") {
        files["academicSessions.csv"] =
            replace(files.at("academicSessions.csv"), "2027-05-26,,2027", "2027-05-26,,2026/2027");
        CHECK(only_problem(files) ==
              "academicSessions.csv:2: schoolYear: \"2026/2027\" is not a year (expected YYYY)");
    }
    SECTION("a session that ends before it starts") {
        files["academicSessions.csv"] =
            replace(files.at("academicSessions.csv"), "2026-10-24", "2026-08-24");
        CHECK(only_problem(files) ==
              "academicSessions.csv:3: endDate: \"2026-08-24\" is before startDate \"2026-09-01\"");
    }
    SECTION("sourcedIds are unique in a file") {
        files["courses.csv"] = replace(files.at("courses.csv"), "crs-rus-5,,,", "crs-math-5,,,");
        const auto problems = problems_of(files);
        CHECK(problems == std::vector<std::string>{
                              "classes.csv:3: courseSourcedId: \"crs-rus-5\" is not a course in "
                              "courses.csv",
                              "courses.csv:3: sourcedId: \"crs-math-5\" is also the sourcedId on "
                              "line 2 (sourcedIds are unique in a file)"});
    }
    SECTION("an empty item in a list") {
        files["classes.csv"] =
            replace(files.at("classes.csv"), "Математика,MATH,\"1,3\"", "Математика,MATH,\"1,,3\"");
        CHECK(only_problem(files) == "classes.csv:2: periods: \"1,,3\" has an empty item (expected "
                                     "a comma-separated list)");
    }
}

TEST_CASE("oneroster: vocabularies, per version, with ext: extensions", "[oneroster]") {
    SECTION("1.1 user roles") {
        Files files = load("v1.1");
        files["users.csv"] =
            replace(files.at("users.csv"), "org-1234,parent,", "org-1234,principal,");
        CHECK(only_problem(files) ==
              "users.csv:8: role: \"principal\" is not allowed (expected administrator, aide, "
              "guardian, parent, proctor, relative, student, teacher or ext:NAME)");
        files["users.csv"] =
            replace(files.at("users.csv"), "org-1234,principal,", "org-1234,ext:zavuch,");
        CHECK(problems_of(files).empty());
    }
    SECTION("1.2 roles: no plain administrator, roleType is closed") {
        Files files = load("v1.2");
        files["roles.csv"] =
            replace(files.at("roles.csv"), "secondary,principal", "secondary,administrator");
        CHECK_THAT(only_problem(files),
                   Catch::StartsWith("roles.csv:4: role: \"administrator\" is not allowed"));
        files["roles.csv"] =
            replace(files.at("roles.csv"), "secondary,administrator", "ext:acting,principal");
        CHECK(
            only_problem(files) ==
            "roles.csv:4: roleType: \"ext:acting\" is not allowed (expected primary or secondary)");
    }
    SECTION("sex: 1.2 adds unspecified and other") {
        Files v11 = load("v1.1");
        Files v12 = load("v1.2");
        v11["demographics.csv"] =
            replace(v11.at("demographics.csv"), "2015-02-28,female", "2015-02-28,other");
        v12["demographics.csv"] = v11.at("demographics.csv");
        CHECK(only_problem(v11) == "demographics.csv:3: sex: \"other\" is not allowed (expected "
                                   "male, female or ext:NAME)");
        CHECK(problems_of(v12).empty());
    }
    SECTION("org type, session type, class type, enrollment role") {
        Files files = load("v1.1");
        files["orgs.csv"] = replace(files.at("orgs.csv"), ",district,", ",region,");
        files["academicSessions.csv"] =
            replace(files.at("academicSessions.csv"), ",schoolYear,", ",year,");
        files["classes.csv"] =
            replace(files.at("classes.csv"), "5Б-РУС,scheduled", "5Б-РУС,lesson");
        files["enrollments.csv"] =
            replace(files.at("enrollments.csv"), "s-ivanov,student", "s-ivanov,guardian");
        const auto problems = problems_of(files);
        CAPTURE(problems);
        REQUIRE(problems.size() == 4);
        CHECK_THAT(problems[0], Catch::StartsWith("academicSessions.csv:2: type: \"year\""));
        CHECK_THAT(problems[1], Catch::StartsWith("classes.csv:3: classType: \"lesson\" is not "
                                                  "allowed (expected homeroom, scheduled or "
                                                  "ext:NAME)"));
        CHECK_THAT(problems[2], Catch::StartsWith("enrollments.csv:6: role: \"guardian\""));
        CHECK_THAT(problems[3], Catch::StartsWith("orgs.csv:2: type: \"region\""));
    }
}

TEST_CASE("oneroster: bulk and delta rules for status and dateLastModified", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("bulk: blank") {
        files["courses.csv"] =
            replace(files.at("courses.csv"), "crs-rus-5,,,", "crs-rus-5,,2026-09-01T00:00:00Z,");
        CHECK(only_problem(files) == "courses.csv:3: dateLastModified: must be blank in a bulk "
                                     "file, found \"2026-09-01T00:00:00Z\" (manifest.csv: "
                                     "file.courses is bulk)");
    }
    SECTION("delta: set, valid, and references are not checked") {
        files["manifest.csv"] =
            replace(files.at("manifest.csv"), "file.enrollments,bulk", "file.enrollments,delta");
        std::string& e = files["enrollments.csv"];
        e = replace(e, "enr-1,,,cls-5a-math", "enr-1,active,2026-09-01T08:30:00.123+03:00,cls-x");
        e = replace(e, "enr-2,,,", "enr-2,tobedeleted,2026-09-01T08:30:00Z,");
        e = replace(e, "enr-3,,,", "enr-3,active,,");
        e = replace(e, "enr-4,,,", "enr-4,deleted,2026-09-01T25:00:00Z,");
        e = replace(e, "enr-5,,,cls-5b-rus,org-1234,s-ivanov,student",
                    "enr-5,tobedeleted,2026-09-01T08:30:00Z,,,,");
        const auto problems = problems_of(files);
        const std::vector<std::string> expected = {
            "enrollments.csv:4: dateLastModified: is required in a delta file",
            "enrollments.csv:5: status: \"deleted\" is not a status (expected active or "
            "tobedeleted)",
            "enrollments.csv:5: dateLastModified: \"2026-09-01T25:00:00Z\" is not a date and "
            "time (expected YYYY-MM-DDThh:mm:ssZ)",
        };
        CHECK(problems == expected); // cls-x is not checked; enr-5 deletes, so needs no values
    }
}

TEST_CASE("oneroster: references between the files", "[oneroster]") {
    Files files = load("v1.1");
    SECTION("each kind of reference") {
        files["orgs.csv"] = replace(files.at("orgs.csv"), "1234,org-dep", "1234,org-moon");
        files["academicSessions.csv"] =
            replace(files.at("academicSessions.csv"), "2026-10-24,as-2027,", "2026-10-24,as-2026,");
        files["courses.csv"] =
            replace(files.at("courses.csv"), "crs-rus-5,,,as-2027", "crs-rus-5,,,as-1999");
        files["users.csv"] = replace(files.at("users.csv"), "g-orlov,,,true,org-1234",
                                     "g-orlov,,,true,\"org-1234,org-5678\"");
        files["demographics.csv"] = replace(files.at("demographics.csv"), "s-ivanov,", "s-petrov,");
        files["enrollments.csv"] =
            replace(files.at("enrollments.csv"), "cls-5b-rus,org-1234,s-ivanov",
                    "cls-5b-rus,org-0,s-ivanov");
        const std::vector<std::string> expected = {
            "academicSessions.csv:3: parentSourcedId: \"as-2026\" is not an academic session in "
            "academicSessions.csv",
            "courses.csv:3: schoolYearSourcedId: \"as-1999\" is not an academic session in "
            "academicSessions.csv",
            "demographics.csv:4: sourcedId: \"s-petrov\" is not a user in users.csv",
            "enrollments.csv:6: schoolSourcedId: \"org-0\" is not an org in orgs.csv",
            "orgs.csv:3: parentSourcedId: \"org-moon\" is not an org in orgs.csv",
            "users.csv:8: orgSourcedIds: \"org-5678\" is not an org in orgs.csv",
        };
        CHECK(problems_of(files) == expected);
    }
    SECTION("into a file the bundle does not have") {
        files.erase("academicSessions.csv");
        files["manifest.csv"] = replace(files.at("manifest.csv"), "file.academicSessions,bulk",
                                        "file.academicSessions,absent");
        const auto problems = problems_of(files);
        REQUIRE(problems.size() == 6); // 2 courses, 2 terms of each of 2 classes
        CHECK(problems[0] == "classes.csv:2: termSourcedIds: \"as-2027-q1\" is not an academic "
                             "session in academicSessions.csv (the bundle has no "
                             "academicSessions.csv)");
    }
    SECTION("into a file whose header is wrong: its own problem is enough") {
        files["classes.csv"] = replace(files.at("classes.csv"), "classType", "type");
        CHECK(only_problem(files) ==
              "classes.csv:1: classType: column 8 is \"type\" (expected \"classType\")");
    }
}

TEST_CASE("oneroster: the CSV text parser keeps physical line numbers", "[oneroster]") {
    const auto text = parse_oneroster_csv("a,b\r\n\r\n\"x\ny\",\"q\"\"q\"\n,\rlast,\"\"");
    REQUIRE_FALSE(text.error_line);
    REQUIRE(text.rows.size() == 4);
    CHECK(text.rows[0].line == 1);
    CHECK(text.rows[1].line == 3);
    CHECK(text.rows[1].fields == std::vector<std::string>{"x\ny", "q\"q"});
    CHECK(text.rows[2].line == 5);
    CHECK(text.rows[2].fields == std::vector<std::string>{"", ""});
    CHECK(text.rows[3].line == 6);
    CHECK(text.rows[3].fields == std::vector<std::string>{"last", ""});
}

TEST_CASE("oneroster: a folder source lists the files at its top, sorted", "[oneroster]") {
    schoolctl::test::TempDir dir;
    std::filesystem::create_directory(dir / "b");
    std::filesystem::create_directory(dir / "b" / "nested");
    std::ofstream(dir / "b" / "users.csv") << "x";
    std::ofstream(dir / "b" / "manifest.csv") << "propertyName,value\r\n";
    std::ofstream(dir / "b" / "nested" / "orgs.csv") << "y";
    const schoolctl::formats::FolderSource source(dir / "b");
    CHECK(source.names() == std::vector<std::string>{"manifest.csv", "users.csv"});
    CHECK(source.read("users.csv") == "x");
    CHECK(source.label() == (dir / "b").string());
    CHECK(exit_code_of([&] { source.read("orgs.csv"); }) == ExitCode::io);
}
