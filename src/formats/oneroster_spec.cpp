#include "formats/oneroster_spec.h"

#include <array>
#include <cstddef>

// Sources (1EdTech):
//   OneRoster 1.1 CSV Tables (Final Release 1.1, 2017; 1.1.1, 2023):
//     https://www.imsglobal.org/oneroster-v11-final-csv-tables
//   OneRoster 1.2 CSV Binding (Final Release 1.2, 2022; 1.2.1, 2023):
//     https://www.imsglobal.org/spec/oneroster/v1p2/bind/csv
// The column orders were cross-checked against public implementations that follow those
// tables (the meibo gem's OneRoster 1.2 models, a 1.1/1.2 bundle validator, vendors' 1.1 import
// pages), which agree with each other except where noted below.
//
// What 1.2 changed for the files read here:
//   - users.csv drops role and orgSourcedIds (a user's roles per org move to the new roles.csv)
//     and appends userMasterIdentifier, resourceSourcedIds, preferredGivenName,
//     preferredMiddleName, preferredFamilyName, primaryOrgSourcedId and pronouns. (The REST
//     binding calls the preferred names preferredFirstName/preferredLastName; CSV does not.)
//   - roles.csv is new, and with it a larger role vocabulary (the 1.1 "administrator" becomes
//     districtAdministrator, siteAdministrator, systemAdministrator or principal);
//   - demographics.sex adds unspecified and other;
//   - the manifest lists the new gradebook, resource and user-profile files.
// orgs, academicSessions (parentSourcedId and schoolYear are already 1.1 columns), courses,
// classes and enrollments keep their 1.1 columns.
//
// resourceSourcedIds: the 1.2 binding and most implementations have it between
// userMasterIdentifier and preferredGivenName; some 1.2.1-based code leaves it out. It is kept,
// so a file without it is reported as a header problem naming that column.

namespace schoolctl::formats {
namespace {

using K = ColumnKind;

constexpr OneRosterColumn column(std::string_view name, ColumnKind kind, bool required = false) {
    return {name, kind, required, {}, false, {}};
}
constexpr OneRosterColumn text(std::string_view name, bool required = false) {
    return column(name, K::text, required);
}
constexpr OneRosterColumn choice(std::string_view name, std::span<const std::string_view> values,
                                 bool required, bool extensible = true) {
    return {name, K::choice, required, values, extensible, {}};
}
constexpr OneRosterColumn ref(std::string_view name, std::string_view file, bool required = false) {
    return {name, K::reference, required, {}, false, file};
}
constexpr OneRosterColumn refs(std::string_view name, std::string_view file,
                               bool required = false) {
    return {name, K::references, required, {}, false, file};
}

// Every data file starts with sourcedId, status and dateLastModified.
template <std::size_t N>
constexpr std::array<OneRosterColumn, N + 3> with_common(const std::array<OneRosterColumn, N>& rest,
                                                         std::string_view id_refers_to = {}) {
    std::array<OneRosterColumn, N + 3> all{};
    all[0] = {"sourcedId", K::id, true, {}, false, id_refers_to};
    all[1] = column("status", K::status);
    all[2] = column("dateLastModified", K::modified);
    for (std::size_t i = 0; i < N; ++i) {
        all[i + 3] = rest[i];
    }
    return all;
}

constexpr std::string_view org_types[] = {"department", "school", "district",
                                          "local",      "state",  "national"};
constexpr std::string_view session_types[] = {"gradingPeriod", "semester", "schoolYear", "term"};
constexpr std::string_view class_types[] = {"homeroom", "scheduled"};
// Both versions: who a person is within one class.
constexpr std::string_view enrollment_roles[] = {"administrator", "proctor", "student", "teacher"};
constexpr std::string_view user_roles_1_1[] = {"administrator", "aide",     "guardian", "parent",
                                               "proctor",       "relative", "student",  "teacher"};
constexpr std::string_view user_roles_1_2[] = {"aide",
                                               "counselor",
                                               "districtAdministrator",
                                               "guardian",
                                               "parent",
                                               "principal",
                                               "proctor",
                                               "relative",
                                               "siteAdministrator",
                                               "student",
                                               "systemAdministrator",
                                               "teacher"};
constexpr std::string_view role_types[] = {"primary", "secondary"};
constexpr std::string_view sexes_1_1[] = {"male", "female"};
constexpr std::string_view sexes_1_2[] = {"male", "female", "unspecified", "other"};

constexpr auto orgs = with_common(std::array{
    text("name", true),
    choice("type", org_types, true),
    text("identifier"),
    ref("parentSourcedId", "orgs.csv"),
});

constexpr auto academic_sessions = with_common(std::array{
    text("title", true),
    choice("type", session_types, true),
    column("startDate", K::date, true),
    column("endDate", K::date, true),
    ref("parentSourcedId", "academicSessions.csv"),
    column("schoolYear", K::year, true),
});

constexpr auto courses = with_common(std::array{
    ref("schoolYearSourcedId", "academicSessions.csv"),
    text("title", true),
    text("courseCode"),
    column("grades", K::list),
    ref("orgSourcedId", "orgs.csv", true),
    column("subjects", K::list),
    column("subjectCodes", K::list),
});

constexpr auto classes = with_common(std::array{
    text("title", true),
    column("grades", K::list),
    ref("courseSourcedId", "courses.csv", true),
    text("classCode"),
    choice("classType", class_types, true),
    text("location"),
    ref("schoolSourcedId", "orgs.csv", true),
    refs("termSourcedIds", "academicSessions.csv", true),
    column("subjects", K::list),
    column("subjectCodes", K::list),
    column("periods", K::list),
});

constexpr auto users_1_1 = with_common(std::array{
    column("enabledUser", K::boolean, true),
    refs("orgSourcedIds", "orgs.csv", true),
    choice("role", user_roles_1_1, true),
    text("username", true),
    column("userIds", K::list),
    text("givenName", true),
    text("familyName", true),
    text("middleName"),
    text("identifier"),
    text("email"),
    text("sms"),
    text("phone"),
    refs("agentSourcedIds", "users.csv"),
    column("grades", K::list),
    text("password"),
});

constexpr auto users_1_2 = with_common(std::array{
    column("enabledUser", K::boolean, true),
    text("username", true),
    column("userIds", K::list),
    text("givenName", true),
    text("familyName", true),
    text("middleName"),
    text("identifier"),
    text("email"),
    text("sms"),
    text("phone"),
    refs("agentSourcedIds", "users.csv"),
    column("grades", K::list),
    text("password"),
    text("userMasterIdentifier"),
    column("resourceSourcedIds", K::list), // resources.csv is not read
    text("preferredGivenName"),
    text("preferredMiddleName"),
    text("preferredFamilyName"),
    ref("primaryOrgSourcedId", "orgs.csv"),
    text("pronouns"),
});

constexpr auto roles_1_2 = with_common(std::array{
    ref("userSourcedId", "users.csv", true), choice("roleType", role_types, true, false),
    choice("role", user_roles_1_2, true), column("beginDate", K::date), column("endDate", K::date),
    ref("orgSourcedId", "orgs.csv", true),
    text("userProfileSourcedId"), // userProfiles.csv is not read
});

constexpr auto enrollments = with_common(std::array{
    ref("classSourcedId", "classes.csv", true),
    ref("schoolSourcedId", "orgs.csv", true),
    ref("userSourcedId", "users.csv", true),
    choice("role", enrollment_roles, true),
    column("primary", K::boolean),
    column("beginDate", K::date),
    column("endDate", K::date),
});

// A demographics record shares its sourcedId with the user it describes.
constexpr auto demographics(std::span<const std::string_view> sexes) {
    return with_common(
        std::array{
            column("birthDate", K::date),
            choice("sex", sexes, false),
            column("americanIndianOrAlaskaNative", K::boolean),
            column("asian", K::boolean),
            column("blackOrAfricanAmerican", K::boolean),
            column("nativeHawaiianOrOtherPacificIslander", K::boolean),
            column("white", K::boolean),
            column("demographicRaceTwoOrMoreRaces", K::boolean),
            column("hispanicOrLatinoEthnicity", K::boolean),
            text("countryOfBirthCode"),
            text("stateOfBirthAbbreviation"),
            text("cityOfBirth"),
            text("publicSchoolResidenceStatus"),
        },
        "users.csv");
}

constexpr auto demographics_1_1 = demographics(sexes_1_1);
constexpr auto demographics_1_2 = demographics(sexes_1_2);

constexpr OneRosterFile known(std::string_view name, std::string_view key) {
    return {name, key, "a record", {}};
}

// In the order of the spec's file tables, which is also the order manifest.csv lists them.
constexpr OneRosterFile files_1_1[] = {
    {"academicSessions.csv", "file.academicSessions", "an academic session", academic_sessions},
    known("categories.csv", "file.categories"),
    {"classes.csv", "file.classes", "a class", classes},
    known("classResources.csv", "file.classResources"),
    {"courses.csv", "file.courses", "a course", courses},
    known("courseResources.csv", "file.courseResources"),
    {"demographics.csv", "file.demographics", "a demographics record", demographics_1_1},
    {"enrollments.csv", "file.enrollments", "an enrollment", enrollments},
    known("lineItems.csv", "file.lineItems"),
    {"orgs.csv", "file.orgs", "an org", orgs},
    known("resources.csv", "file.resources"),
    known("results.csv", "file.results"),
    {"users.csv", "file.users", "a user", users_1_1},
};

constexpr OneRosterFile files_1_2[] = {
    {"academicSessions.csv", "file.academicSessions", "an academic session", academic_sessions},
    known("categories.csv", "file.categories"),
    {"classes.csv", "file.classes", "a class", classes},
    known("classResources.csv", "file.classResources"),
    {"courses.csv", "file.courses", "a course", courses},
    known("courseResources.csv", "file.courseResources"),
    {"demographics.csv", "file.demographics", "a demographics record", demographics_1_2},
    {"enrollments.csv", "file.enrollments", "an enrollment", enrollments},
    known("lineItemLearningObjectiveIds.csv", "file.lineItemLearningObjectiveIds"),
    known("lineItems.csv", "file.lineItems"),
    known("lineItemScoreScales.csv", "file.lineItemScoreScales"),
    {"orgs.csv", "file.orgs", "an org", orgs},
    known("resources.csv", "file.resources"),
    known("resultLearningObjectiveIds.csv", "file.resultLearningObjectiveIds"),
    known("results.csv", "file.results"),
    known("resultScoreScales.csv", "file.resultScoreScales"),
    {"roles.csv", "file.roles", "a role", roles_1_2},
    known("scoreScales.csv", "file.scoreScales"),
    known("userProfiles.csv", "file.userProfiles"),
    known("userResources.csv", "file.userResources"),
    {"users.csv", "file.users", "a user", users_1_2},
};

} // namespace

std::string_view version_text(OneRosterVersion version) {
    return version == OneRosterVersion::v1_1 ? "1.1" : "1.2";
}

std::optional<OneRosterVersion> parse_oneroster_version(std::string_view text) {
    if (text == "1.1") {
        return OneRosterVersion::v1_1;
    }
    if (text == "1.2") {
        return OneRosterVersion::v1_2;
    }
    return std::nullopt;
}

std::span<const OneRosterFile> oneroster_files(OneRosterVersion version) {
    if (version == OneRosterVersion::v1_1) {
        return files_1_1;
    }
    return files_1_2;
}

const OneRosterFile* find_oneroster_file(OneRosterVersion version, std::string_view name) {
    for (const OneRosterFile& f : oneroster_files(version)) {
        if (f.name == name) {
            return &f;
        }
    }
    return nullptr;
}

std::span<const std::string_view> oneroster_user_roles(OneRosterVersion version) {
    if (version == OneRosterVersion::v1_1) {
        return user_roles_1_1;
    }
    return user_roles_1_2;
}

} // namespace schoolctl::formats
