#pragma once
// A OneRoster bundle as plain values: what the reader returns and the writer takes. Values stay
// text as the files spell them (dates as YYYY-MM-DD); what they mean for the school is the
// import layer's business. Every record keeps the line of its file, so that a problem found
// later can still be reported as FILE:LINE.
#include "formats/oneroster_spec.h"

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace schoolctl::formats {

// One thing wrong with a bundle: "users.csv:14: agentSourcedIds: reason".
struct BundleProblem {
    std::string file;     // "users.csv"; "manifest.csv" for the manifest
    std::size_t line = 0; // 0 when the problem is about the whole file
    std::string field;    // the column or manifest property; empty when none applies
    std::string reason;

    std::string str() const;
    bool operator==(const BundleProblem&) const = default;
};

// The three columns every record has. In a bulk file status and dateLastModified are blank.
struct OneRosterRecord {
    std::size_t line = 0; // of the record in its file (a quoted field may span lines)
    std::string sourced_id;
    std::string status; // "", "active" or "tobedeleted"
    std::string date_last_modified;

    bool operator==(const OneRosterRecord&) const = default;
};

struct OneRosterOrg : OneRosterRecord {
    std::string name;
    std::string type; // school, district, ...
    std::string identifier;
    std::string parent_sourced_id;

    bool operator==(const OneRosterOrg&) const = default;
};

struct OneRosterAcademicSession : OneRosterRecord {
    std::string title;
    std::string type; // schoolYear, term, gradingPeriod, semester
    std::string start_date;
    std::string end_date;
    std::string parent_sourced_id;
    std::string school_year; // "2026": the year the school year ends in

    bool operator==(const OneRosterAcademicSession&) const = default;
};

struct OneRosterCourse : OneRosterRecord {
    std::string school_year_sourced_id;
    std::string title;
    std::string course_code;
    std::vector<std::string> grades;
    std::string org_sourced_id;
    std::vector<std::string> subjects;
    std::vector<std::string> subject_codes;

    bool operator==(const OneRosterCourse&) const = default;
};

struct OneRosterClass : OneRosterRecord {
    std::string title;
    std::vector<std::string> grades;
    std::string course_sourced_id;
    std::string class_code;
    std::string class_type; // homeroom or scheduled
    std::string location;
    std::string school_sourced_id;
    std::vector<std::string> term_sourced_ids;
    std::vector<std::string> subjects;
    std::vector<std::string> subject_codes;
    std::vector<std::string> periods;

    bool operator==(const OneRosterClass&) const = default;
};

// A user's role in one org, whichever version it came from: 1.1 has one users.role for all of
// the user's orgSourcedIds (each entry then primary); 1.2 has one roles.csv row per entry.
struct OneRosterUserRole {
    std::string role; // in the vocabulary of the bundle's version
    std::string org_sourced_id;
    bool primary = true;
    // From roles.csv (1.2); empty for a 1.1 bundle, and the writer makes up a sourcedId.
    std::size_t line = 0;
    std::string sourced_id;
    std::string status;
    std::string date_last_modified;
    std::string begin_date;
    std::string end_date;
    std::string user_profile_sourced_id;

    bool operator==(const OneRosterUserRole&) const = default;
};

// users.password is deliberately not kept: schoolctl issues its own credentials and stores
// passwords only as hashes, so a clear-text password from another system goes no further than
// the reader.
struct OneRosterUser : OneRosterRecord {
    bool enabled_user = true;
    std::string username;
    std::vector<std::string> user_ids; // "{type:identifier}" as written
    std::string given_name;
    std::string family_name;
    std::string middle_name; // where a Russian system puts the patronymic
    std::string identifier;
    std::string email;
    std::string sms;
    std::string phone;
    std::vector<std::string> agent_sourced_ids; // a pupil's guardians, a guardian's children
    std::vector<std::string> grades;
    std::vector<OneRosterUserRole> roles;
    // 1.2 only; a 1.1 bundle leaves them empty and the 1.1 writer drops them.
    std::string user_master_identifier;
    std::vector<std::string> resource_sourced_ids;
    std::string preferred_given_name;
    std::string preferred_middle_name;
    std::string preferred_family_name;
    std::string primary_org_sourced_id;
    std::string pronouns;

    bool operator==(const OneRosterUser&) const = default;
};

struct OneRosterEnrollment : OneRosterRecord {
    std::string class_sourced_id;
    std::string school_sourced_id;
    std::string user_sourced_id;
    std::string role; // administrator, proctor, student, teacher
    std::optional<bool> primary;
    std::string begin_date;
    std::string end_date;

    bool operator==(const OneRosterEnrollment&) const = default;
};

// Only what a school journal needs. The race, ethnicity and birthplace columns are read past and
// written blank: race and nationality are special categories of personal data under 152-FZ, and
// none of them is needed (data minimisation).
struct OneRosterDemographic : OneRosterRecord { // sourced_id is the user's
    std::string birth_date;
    std::string sex; // male, female; 1.2 also unspecified, other

    bool operator==(const OneRosterDemographic&) const = default;
};

struct OneRosterBundle {
    OneRosterVersion version = OneRosterVersion::v1_2;
    // manifest.csv as read: propertyName -> value ("file.users" -> "bulk").
    std::map<std::string, std::string> manifest;
    std::vector<OneRosterOrg> orgs;
    std::vector<OneRosterAcademicSession> academic_sessions;
    std::vector<OneRosterCourse> courses;
    std::vector<OneRosterClass> classes;
    std::vector<OneRosterUser> users;
    std::vector<OneRosterEnrollment> enrollments;
    std::vector<OneRosterDemographic> demographics;
    // Everything wrong, in file order. A record whose row has a problem is still in the vectors
    // above (a row with the wrong number of fields is not), so the import layer can reject it by
    // its line and still plan the rest.
    std::vector<BundleProblem> problems;

    bool operator==(const OneRosterBundle&) const = default;
};

} // namespace schoolctl::formats
