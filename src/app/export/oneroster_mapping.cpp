#include "app/export/oneroster_mapping.h"

#include "app/export/oneroster_ids.h"
#include "util/error.h"

#include <algorithm>
#include <map>
#include <set>

namespace schoolctl::app {
namespace {

namespace f = formats;

// OneRoster grades are CEDS codes: 01..12.
std::string grade_code(int grade) {
    return (grade < 10 ? "0" : "") + std::to_string(grade);
}

// One OneRoster class made of a class or a group of the school.
struct Taught {
    std::string id;    // its sourcedId
    std::string title; // "5А", a group's name
    std::vector<std::string> grades;
    std::vector<std::int64_t> pupils;
};

class BundleBuilder {
  public:
    BundleBuilder(const RosterSnapshot& r, f::OneRosterVersion version) : r_(r), ids_(r) {
        b_.version = version;
        b_.manifest["source.systemName"] = "schoolctl";
    }

    f::OneRosterBundle build() {
        school_and_year();
        courses();
        users();
        classes();
        return std::move(b_);
    }

  private:
    void school_and_year() {
        f::OneRosterOrg org;
        org.sourced_id = ids_.org();
        org.name = r_.school.name;
        org.type = "school";
        org.identifier = r_.school.external_id;
        b_.orgs.push_back(org);
        f::OneRosterAcademicSession year;
        year.sourced_id = ids_.year();
        year.title = r_.year.name;
        year.type = "schoolYear";
        year.start_date = r_.year.start_date;
        year.end_date = r_.year.end_date;
        year.school_year = r_.year.end_date.substr(0, 4); // the year it ends in
        b_.academic_sessions.push_back(year);
    }

    void course(std::string id, std::string title, std::string code) {
        f::OneRosterCourse c;
        c.sourced_id = std::move(id);
        c.title = std::move(title);
        c.course_code = std::move(code);
        c.school_year_sourced_id = ids_.year();
        c.org_sourced_id = ids_.org();
        b_.courses.push_back(std::move(c));
    }

    void courses() {
        for (const auto& s : r_.subjects) {
            course(ids_.subject(s), s.name, s.code);
        }
        course(ids_.homeroom_course(), "Классы " + r_.year.name, "");
        course(ids_.groups_course(), "Группы " + r_.year.name, "");
    }

    f::OneRosterUser& user(std::string id, const store::PersonFields& p, std::int64_t person_id,
                           const char* role) {
        if (!user_ids_.insert(id).second) {
            throw Error(ExitCode::data, "OneRoster: two people would have the sourcedId \"" + id +
                                            "\"; give one of them another id");
        }
        f::OneRosterUser& u = b_.users.emplace_back();
        u.sourced_id = std::move(id);
        auto login = r_.logins.find(person_id);
        u.username = login != r_.logins.end() ? login->second : u.sourced_id;
        u.given_name = p.first_name;
        u.family_name = p.last_name;
        u.middle_name = p.middle_name;
        f::OneRosterUserRole in_school;
        in_school.role = role;
        in_school.org_sourced_id = ids_.org();
        u.roles.push_back(std::move(in_school));
        u.primary_org_sourced_id = ids_.org();
        if (p.birth_date) {
            f::OneRosterDemographic d;
            d.sourced_id = u.sourced_id;
            d.birth_date = *p.birth_date;
            b_.demographics.push_back(std::move(d));
        }
        return u;
    }

    void users() {
        std::map<std::int64_t, std::vector<std::string>> guardians_of;
        for (const auto& g : r_.guardians) {
            for (const auto& link : g.children) {
                guardians_of[link.pupil_id].push_back(ids_.guardian(g.guardian));
            }
        }
        for (const auto& s : r_.staff) {
            user(ids_.staff(s), s.person, s.person_id, "teacher");
        }
        for (const auto& p : r_.pupils) {
            auto& u = user(ids_.pupil(p), p.person, p.person_id, "student");
            u.grades = {grade_code(r_.class_row(p.class_id).grade)};
            u.agent_sourced_ids = guardians_of[p.person_id];
        }
        for (const auto& g : r_.guardians) {
            auto& u = user(ids_.guardian(g.guardian), g.guardian.person, g.guardian.person_id,
                           "guardian");
            u.email = g.guardian.email;
            u.phone = g.guardian.phone;
            for (const auto& link : g.children) {
                u.agent_sourced_ids.push_back(ids_.pupil(r_.pupil(link.pupil_id)));
            }
        }
    }

    void add_class(const Taught& t, const std::string& id, const std::string& title,
                   const std::string& course, const char* type,
                   const std::vector<std::int64_t>& teachers, std::optional<bool> primary) {
        f::OneRosterClass c;
        c.sourced_id = id;
        c.title = title;
        c.grades = t.grades;
        c.course_sourced_id = course;
        c.class_code = title;
        c.class_type = type;
        c.school_sourced_id = ids_.org();
        c.term_sourced_ids = {ids_.year()};
        b_.classes.push_back(std::move(c));
        for (std::int64_t staff : teachers) {
            enroll(id, ids_.staff(r_.staff_member(staff)), "teacher", primary);
        }
        for (std::int64_t pupil : t.pupils) {
            enroll(id, ids_.pupil(r_.pupil(pupil)), "student", std::nullopt);
        }
    }

    void enroll(const std::string& class_id, const std::string& user_id, const char* role,
                std::optional<bool> primary) {
        f::OneRosterEnrollment e;
        e.sourced_id = ids_.enrollment(class_id, user_id);
        e.class_sourced_id = class_id;
        e.school_sourced_id = ids_.org();
        e.user_sourced_id = user_id;
        e.role = role;
        e.primary = primary;
        b_.enrollments.push_back(std::move(e));
    }

    // The subjects taught to one class or group, each with its teachers, as scheduled classes.
    void sections(const Taught& t, std::optional<std::int64_t> class_id,
                  std::optional<std::int64_t> group_id) {
        std::map<std::string, std::pair<const store::SubjectRow*, std::vector<std::int64_t>>>
            by_code;
        for (const auto& a : r_.assignments) {
            if (a.class_id == class_id && a.group_id == group_id) {
                const auto& s = r_.subject(a.subject_id);
                auto& entry = by_code[s.code];
                entry.first = &s;
                entry.second.push_back(a.staff_id);
            }
        }
        for (const auto& [code, entry] : by_code) {
            const auto& [subject, teachers] = entry;
            add_class(t, ids_.section(t.id, *subject), t.title + " — " + subject->name,
                      ids_.subject(*subject), "scheduled", teachers,
                      teachers.size() == 1 ? std::optional<bool>(true) : std::nullopt);
        }
    }

    void classes() {
        std::map<std::int64_t, std::vector<std::int64_t>> pupils_of;
        for (const auto& p : r_.pupils) {
            pupils_of[p.class_id].push_back(p.person_id);
        }
        std::vector<std::pair<Taught, std::int64_t>> homerooms;
        for (const auto& c : r_.classes) {
            Taught t{ids_.class_of(c), c.name(), {grade_code(c.grade)}, pupils_of[c.id]};
            std::vector<std::int64_t> teacher;
            if (c.class_teacher_id) {
                teacher.push_back(*c.class_teacher_id);
            }
            add_class(t, t.id, t.title, ids_.homeroom_course(), "homeroom", teacher, true);
            homerooms.emplace_back(std::move(t), c.id);
        }
        std::vector<std::pair<Taught, std::int64_t>> groups;
        for (const auto& g : r_.groups) {
            std::set<int> grades;
            if (g.group.class_id) {
                grades.insert(r_.class_row(*g.group.class_id).grade);
            }
            for (std::int64_t id : g.members) {
                grades.insert(r_.class_row(r_.pupil(id).class_id).grade);
            }
            Taught t{ids_.group(g.group), g.group.name, {}, g.members};
            for (int grade : grades) {
                t.grades.push_back(grade_code(grade));
            }
            add_class(t, t.id, t.title, ids_.groups_course(), "scheduled", {}, std::nullopt);
            groups.emplace_back(std::move(t), g.group.id);
        }
        for (const auto& [t, id] : homerooms) {
            sections(t, id, std::nullopt);
        }
        for (const auto& [t, id] : groups) {
            sections(t, std::nullopt, id);
        }
    }

    const RosterSnapshot& r_;
    OneRosterIds ids_;
    f::OneRosterBundle b_;
    std::set<std::string> user_ids_;
};

} // namespace

f::OneRosterBundle oneroster_bundle(const RosterSnapshot& roster, f::OneRosterVersion version) {
    return BundleBuilder(roster, version).build();
}

} // namespace schoolctl::app
