// The writer's first half: a bundle's files as text, before anything touches the disk.
#include "formats/oneroster_csv.h"
#include "formats/oneroster_writer.h"
#include "util/error.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>

namespace schoolctl::formats {
namespace {

std::string in_quotes(std::string_view s) {
    return "\"" + std::string(s) + "\"";
}

// One output row, filled by column name so that one piece of code serves both versions: a
// column the target version does not have is skipped.
class RowOut {
  public:
    RowOut(const OneRosterFile& file, const OneRosterFile* other, const OneRosterRecord& record)
        : file_(file), other_(other), fields_(file.columns.size()) {
        set("sourcedId", record.sourced_id); // status and dateLastModified stay blank: bulk
        sourced_id_ = record.sourced_id;
    }

    void set(std::string_view column, std::string value) {
        for (std::size_t c = 0; c < file_.columns.size(); ++c) {
            if (file_.columns[c].name == column) {
                fields_[c] = std::move(value);
                return;
            }
        }
        const bool known =
            other_ && std::any_of(other_->columns.begin(), other_->columns.end(),
                                  [&](const auto& col) { return col.name == column; });
        if (!known) {
            throw std::logic_error("OneRoster writer: no column " + std::string(column) + " in " +
                                   std::string(file_.name));
        }
    }

    // A list field cannot hold an item with a comma: reading it back would split it.
    void set(std::string_view column, const std::vector<std::string>& items) {
        for (const std::string& item : items) {
            if (item.find(',') != std::string::npos) {
                throw Error(ExitCode::data, std::string(file_.name) + ": " +
                                                in_quotes(sourced_id_) + ": " +
                                                std::string(column) + ": " + in_quotes(item) +
                                                " has a comma, which a list item cannot hold");
            }
        }
        set(column, join_oneroster_list(items));
    }

    void set_bool(std::string_view column, bool value) {
        set(column, std::string(value ? "true" : "false"));
    }

    const std::vector<std::string>& fields() const { return fields_; }

  private:
    const OneRosterFile& file_;
    const OneRosterFile* other_;
    std::string sourced_id_;
    std::vector<std::string> fields_;
};

bool is_administrator_1_2(std::string_view role) {
    return role == "principal" || role == "siteAdministrator" || role == "districtAdministrator" ||
           role == "systemAdministrator";
}

class Renderer {
  public:
    Renderer(const OneRosterBundle& bundle, OneRosterVersion version)
        : bundle_(bundle), version_(version) {
        for (const OneRosterOrg& org : bundle.orgs) {
            org_types_.emplace(org.sourced_id, org.type);
        }
    }

    std::vector<OneRosterFileText> render() {
        std::vector<OneRosterFileText> data;
        add(data, "orgs.csv", bundle_.orgs, [](RowOut& row, const OneRosterOrg& o) {
            row.set("name", o.name);
            row.set("type", o.type);
            row.set("identifier", o.identifier);
            row.set("parentSourcedId", o.parent_sourced_id);
        });
        add(data, "academicSessions.csv", bundle_.academic_sessions,
            [](RowOut& row, const OneRosterAcademicSession& s) {
                row.set("title", s.title);
                row.set("type", s.type);
                row.set("startDate", s.start_date);
                row.set("endDate", s.end_date);
                row.set("parentSourcedId", s.parent_sourced_id);
                row.set("schoolYear", s.school_year);
            });
        add(data, "courses.csv", bundle_.courses, [](RowOut& row, const OneRosterCourse& c) {
            row.set("schoolYearSourcedId", c.school_year_sourced_id);
            row.set("title", c.title);
            row.set("courseCode", c.course_code);
            row.set("grades", c.grades);
            row.set("orgSourcedId", c.org_sourced_id);
            row.set("subjects", c.subjects);
            row.set("subjectCodes", c.subject_codes);
        });
        add(data, "classes.csv", bundle_.classes, [](RowOut& row, const OneRosterClass& c) {
            row.set("title", c.title);
            row.set("grades", c.grades);
            row.set("courseSourcedId", c.course_sourced_id);
            row.set("classCode", c.class_code);
            row.set("classType", c.class_type);
            row.set("location", c.location);
            row.set("schoolSourcedId", c.school_sourced_id);
            row.set("termSourcedIds", c.term_sourced_ids);
            row.set("subjects", c.subjects);
            row.set("subjectCodes", c.subject_codes);
            row.set("periods", c.periods);
        });
        add(data, "users.csv", bundle_.users,
            [this](RowOut& row, const OneRosterUser& u) { user(row, u); });
        if (version_ == OneRosterVersion::v1_2) {
            roles(data);
        }
        add(data, "enrollments.csv", bundle_.enrollments,
            [](RowOut& row, const OneRosterEnrollment& e) {
                row.set("classSourcedId", e.class_sourced_id);
                row.set("schoolSourcedId", e.school_sourced_id);
                row.set("userSourcedId", e.user_sourced_id);
                row.set("role", e.role);
                if (e.primary) {
                    row.set_bool("primary", *e.primary);
                }
                row.set("beginDate", e.begin_date);
                row.set("endDate", e.end_date);
            });
        add(data, "demographics.csv", bundle_.demographics,
            [this](RowOut& row, const OneRosterDemographic& d) {
                row.set("birthDate", d.birth_date);
                const bool unsaid = version_ == OneRosterVersion::v1_1 && d.sex != "male" &&
                                    d.sex != "female" && !d.sex.starts_with("ext:");
                row.set("sex", unsaid ? std::string() : d.sex);
            });

        std::vector<OneRosterFileText> out;
        out.push_back({"manifest.csv", manifest(data)});
        std::move(data.begin(), data.end(), std::back_inserter(out));
        return out;
    }

  private:
    template <class Record, class Fill>
    void add(std::vector<OneRosterFileText>& data, std::string_view name,
             const std::vector<Record>& records, Fill fill) {
        if (records.empty()) {
            return;
        }
        const OneRosterFile& spec = *find_oneroster_file(version_, name);
        const OneRosterFile* other = find_oneroster_file(other_version(), name);
        std::string text = header(spec);
        for (const Record& r : records) {
            RowOut row(spec, other, r);
            fill(row, r);
            append_oneroster_csv_row(text, row.fields());
        }
        data.push_back({std::string(name), std::move(text)});
    }

    OneRosterVersion other_version() const {
        return version_ == OneRosterVersion::v1_1 ? OneRosterVersion::v1_2 : OneRosterVersion::v1_1;
    }

    static std::string header(const OneRosterFile& spec) {
        std::vector<std::string> names;
        for (const OneRosterColumn& c : spec.columns) {
            names.emplace_back(c.name);
        }
        std::string text;
        append_oneroster_csv_row(text, names);
        return text;
    }

    void user(RowOut& row, const OneRosterUser& u) {
        row.set_bool("enabledUser", u.enabled_user);
        row.set("username", u.username);
        row.set("userIds", u.user_ids);
        row.set("givenName", u.given_name);
        row.set("familyName", u.family_name);
        row.set("middleName", u.middle_name);
        row.set("identifier", u.identifier);
        row.set("email", u.email);
        row.set("sms", u.sms);
        row.set("phone", u.phone);
        row.set("agentSourcedIds", u.agent_sourced_ids);
        row.set("grades", u.grades);
        if (version_ == OneRosterVersion::v1_1) {
            roles_1_1(row, u);
            return;
        }
        row.set("userMasterIdentifier", u.user_master_identifier);
        row.set("resourceSourcedIds", u.resource_sourced_ids);
        row.set("preferredGivenName", u.preferred_given_name);
        row.set("preferredMiddleName", u.preferred_middle_name);
        row.set("preferredFamilyName", u.preferred_family_name);
        row.set("primaryOrgSourcedId", u.primary_org_sourced_id);
        row.set("pronouns", u.pronouns);
    }

    [[noreturn]] static void refuse(const OneRosterUser& u, const std::string& why) {
        throw Error(ExitCode::data,
                    "cannot write OneRoster 1.1: user " + in_quotes(u.sourced_id) + " " + why);
    }

    // 1.1 has one role per user, for all of the user's orgs.
    void roles_1_1(RowOut& row, const OneRosterUser& u) {
        if (u.roles.empty()) {
            refuse(u, "has no role (1.1 needs one)");
        }
        std::string role;
        const std::string& first = u.roles.front().role;
        std::vector<std::string> orgs;
        for (const OneRosterUserRole& r : u.roles) {
            std::string mapped = is_administrator_1_2(r.role) ? "administrator" : r.role;
            if (mapped == "counselor") {
                refuse(u, "is a counselor, which 1.1 has no role for");
            }
            if (!role.empty() && mapped != role) {
                refuse(u, "has the roles " + first + " and " + r.role +
                              " (1.1 has one role per user)");
            }
            role = std::move(mapped);
            if (std::find(orgs.begin(), orgs.end(), r.org_sourced_id) == orgs.end()) {
                orgs.push_back(r.org_sourced_id);
            }
        }
        row.set("role", role);
        row.set("orgSourcedIds", orgs);
    }

    void roles(std::vector<OneRosterFileText>& data) {
        const OneRosterFile& spec = *find_oneroster_file(version_, "roles.csv");
        std::string text = header(spec);
        bool any = false;
        for (const OneRosterUser& u : bundle_.users) {
            for (std::size_t i = 0; i < u.roles.size(); ++i) {
                const OneRosterUserRole& r = u.roles[i];
                OneRosterRecord record;
                record.sourced_id = r.sourced_id.empty()
                                        ? u.sourced_id + "-role-" + std::to_string(i + 1)
                                        : r.sourced_id;
                RowOut row(spec, nullptr, record);
                row.set("userSourcedId", u.sourced_id);
                row.set("roleType", std::string(r.primary ? "primary" : "secondary"));
                row.set("role", role_1_2(r));
                row.set("beginDate", r.begin_date);
                row.set("endDate", r.end_date);
                row.set("orgSourcedId", r.org_sourced_id);
                row.set("userProfileSourcedId", r.user_profile_sourced_id);
                append_oneroster_csv_row(text, row.fields());
                any = true;
            }
        }
        if (any) {
            data.push_back({"roles.csv", std::move(text)});
        }
    }

    std::string role_1_2(const OneRosterUserRole& r) const {
        if (r.role != "administrator") {
            return r.role;
        }
        const auto org = org_types_.find(r.org_sourced_id);
        return org != org_types_.end() && org->second == "district" ? "districtAdministrator"
                                                                    : "siteAdministrator";
    }

    std::string manifest(const std::vector<OneRosterFileText>& data) const {
        std::string text;
        append_oneroster_csv_row(text, {"propertyName", "value"});
        append_oneroster_csv_row(text, {"manifest.version", "1.0"});
        append_oneroster_csv_row(text, {"oneroster.version", std::string(version_text(version_))});
        for (const OneRosterFile& f : oneroster_files(version_)) {
            const bool written = std::any_of(data.begin(), data.end(),
                                             [&](const auto& d) { return d.name == f.name; });
            append_oneroster_csv_row(text,
                                     {std::string(f.manifest_key), written ? "bulk" : "absent"});
        }
        for (const auto& [property, value] : bundle_.manifest) {
            if (property != "manifest.version" && property != "oneroster.version" &&
                !property.starts_with("file.")) {
                append_oneroster_csv_row(text, {property, value});
            }
        }
        return text;
    }

    const OneRosterBundle& bundle_;
    OneRosterVersion version_;
    std::map<std::string, std::string> org_types_;
};

} // namespace

std::vector<OneRosterFileText> render_oneroster(const OneRosterBundle& bundle,
                                                OneRosterVersion version) {
    return Renderer(bundle, version).render();
}

} // namespace schoolctl::formats
