// The typed records of a checked bundle: the last step of the OneRoster reader.
#include "formats/oneroster_checks.h"

#include <unordered_map>

namespace schoolctl::formats::oneroster {
namespace {

// Reads one row's fields by column name.
class Row {
  public:
    Row(const DataFile& file, const OneRosterCsvRow& row) : file_(file), row_(row) {}

    std::size_t line() const { return row_.line; }
    const std::string& operator[](std::string_view column) const { return file_.get(row_, column); }
    std::vector<std::string> list(std::string_view column) const {
        return split_oneroster_list((*this)[column]);
    }
    template <class Record> Record record() const {
        Record r;
        r.line = line();
        r.sourced_id = (*this)["sourcedId"];
        r.status = (*this)["status"];
        r.date_last_modified = (*this)["dateLastModified"];
        return r;
    }

  private:
    const DataFile& file_;
    const OneRosterCsvRow& row_;
};

// Calls `make` for every row of the file, if the bundle has it and it could be read.
template <class Make> void each_row(const DataFiles& files, std::string_view name, Make make) {
    const auto it = files.find(name);
    if (it == files.end() || !it->second.usable) {
        return;
    }
    for (const OneRosterCsvRow& r : it->second.rows) {
        make(Row(it->second, r));
    }
}

std::optional<bool> boolean(const std::string& v) {
    if (v == "true") {
        return true;
    }
    if (v == "false") {
        return false;
    }
    return std::nullopt; // blank, or a value already reported
}

} // namespace

void build_records(const DataFiles& files, OneRosterBundle& bundle) {
    each_row(files, "orgs.csv", [&](const Row& row) {
        auto& o = bundle.orgs.emplace_back(row.record<OneRosterOrg>());
        o.name = row["name"];
        o.type = row["type"];
        o.identifier = row["identifier"];
        o.parent_sourced_id = row["parentSourcedId"];
    });
    each_row(files, "academicSessions.csv", [&](const Row& row) {
        auto& s = bundle.academic_sessions.emplace_back(row.record<OneRosterAcademicSession>());
        s.title = row["title"];
        s.type = row["type"];
        s.start_date = row["startDate"];
        s.end_date = row["endDate"];
        s.parent_sourced_id = row["parentSourcedId"];
        s.school_year = row["schoolYear"];
    });
    each_row(files, "courses.csv", [&](const Row& row) {
        auto& c = bundle.courses.emplace_back(row.record<OneRosterCourse>());
        c.school_year_sourced_id = row["schoolYearSourcedId"];
        c.title = row["title"];
        c.course_code = row["courseCode"];
        c.grades = row.list("grades");
        c.org_sourced_id = row["orgSourcedId"];
        c.subjects = row.list("subjects");
        c.subject_codes = row.list("subjectCodes");
    });
    each_row(files, "classes.csv", [&](const Row& row) {
        auto& c = bundle.classes.emplace_back(row.record<OneRosterClass>());
        c.title = row["title"];
        c.grades = row.list("grades");
        c.course_sourced_id = row["courseSourcedId"];
        c.class_code = row["classCode"];
        c.class_type = row["classType"];
        c.location = row["location"];
        c.school_sourced_id = row["schoolSourcedId"];
        c.term_sourced_ids = row.list("termSourcedIds");
        c.subjects = row.list("subjects");
        c.subject_codes = row.list("subjectCodes");
        c.periods = row.list("periods");
    });
    const bool v1_1 = bundle.version == OneRosterVersion::v1_1;
    each_row(files, "users.csv", [&](const Row& row) {
        auto& u = bundle.users.emplace_back(row.record<OneRosterUser>());
        u.enabled_user = boolean(row["enabledUser"]).value_or(true);
        u.username = row["username"];
        u.user_ids = row.list("userIds");
        u.given_name = row["givenName"];
        u.family_name = row["familyName"];
        u.middle_name = row["middleName"];
        u.identifier = row["identifier"];
        u.email = row["email"];
        u.sms = row["sms"];
        u.phone = row["phone"];
        u.agent_sourced_ids = row.list("agentSourcedIds");
        u.grades = row.list("grades");
        if (v1_1) {
            // One role for all of the user's orgs: it is the user's primary role in each.
            for (const std::string& org : row.list("orgSourcedIds")) {
                OneRosterUserRole role;
                role.role = row["role"];
                role.org_sourced_id = org;
                u.roles.push_back(std::move(role));
            }
            return;
        }
        u.user_master_identifier = row["userMasterIdentifier"];
        u.resource_sourced_ids = row.list("resourceSourcedIds");
        u.preferred_given_name = row["preferredGivenName"];
        u.preferred_middle_name = row["preferredMiddleName"];
        u.preferred_family_name = row["preferredFamilyName"];
        u.primary_org_sourced_id = row["primaryOrgSourcedId"];
        u.pronouns = row["pronouns"];
    });
    if (!v1_1) {
        std::unordered_map<std::string, std::size_t> user_at;
        for (std::size_t i = 0; i < bundle.users.size(); ++i) {
            user_at.emplace(bundle.users[i].sourced_id, i);
        }
        each_row(files, "roles.csv", [&](const Row& row) {
            const auto it = user_at.find(row["userSourcedId"]);
            if (it == user_at.end()) {
                return; // reported as a reference problem
            }
            OneRosterUserRole role;
            role.role = row["role"];
            role.org_sourced_id = row["orgSourcedId"];
            role.primary = row["roleType"] == "primary";
            role.line = row.line();
            role.sourced_id = row["sourcedId"];
            role.status = row["status"];
            role.date_last_modified = row["dateLastModified"];
            role.begin_date = row["beginDate"];
            role.end_date = row["endDate"];
            role.user_profile_sourced_id = row["userProfileSourcedId"];
            bundle.users[it->second].roles.push_back(std::move(role));
        });
    }
    each_row(files, "enrollments.csv", [&](const Row& row) {
        auto& e = bundle.enrollments.emplace_back(row.record<OneRosterEnrollment>());
        e.class_sourced_id = row["classSourcedId"];
        e.school_sourced_id = row["schoolSourcedId"];
        e.user_sourced_id = row["userSourcedId"];
        e.role = row["role"];
        e.primary = boolean(row["primary"]);
        e.begin_date = row["beginDate"];
        e.end_date = row["endDate"];
    });
    each_row(files, "demographics.csv", [&](const Row& row) {
        auto& d = bundle.demographics.emplace_back(row.record<OneRosterDemographic>());
        d.birth_date = row["birthDate"];
        d.sex = row["sex"];
    });
}

} // namespace schoolctl::formats::oneroster
