#include "app/import/bundle_tables.h"

#include <algorithm>
#include <map>
#include <set>

#include "domain/class_name.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using formats::OneRosterBundle;
using formats::OneRosterClass;
using formats::OneRosterUser;

enum class Kind { none, pupil, staff, guardian };

Kind kind_of_role(const std::string& role) {
    if (role == "student") {
        return Kind::pupil;
    }
    if (role == "parent" || role == "guardian" || role == "relative") {
        return Kind::guardian;
    }
    return Kind::staff;  // teacher, administrator, aide, proctor, principal, counselor, ...
}

// The user's role in the school: the primary one there, else the first there.
Kind kind_in(const OneRosterUser& user, const std::string& school) {
    const formats::OneRosterUserRole* found = nullptr;
    for (const auto& r : user.roles) {
        if (r.org_sourced_id == school && (!found || (r.primary && !found->primary))) {
            found = &r;
        }
    }
    return found ? kind_of_role(found->role) : Kind::none;
}

std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& i : items) {
        out += (out.empty() ? "" : ", ") + i;
    }
    return out;
}

// The class name a homeroom stands for: its title («5А»), else its classCode.
std::string homeroom_name(const OneRosterClass& c) {
    for (const auto* text : {&c.title, &c.class_code}) {
        if (std::holds_alternative<domain::ClassName>(domain::parse_class_name(*text))) {
            return *text;
        }
    }
    return c.title;  // not a class name: the classes import rejects it, citing the line
}

class Mapper {
public:
    Mapper(const OneRosterBundle& b, const std::string& school) : b_(b), school_(school) {
        for (const auto& u : b_.users) {
            kinds_[u.sourced_id] = kind_in(u, school_);
        }
        adopt_linked_guardians();
        for (const auto& d : b_.demographics) {
            birth_dates_[d.sourced_id] = d.birth_date;
        }
        for (const auto& c : b_.courses) {
            course_codes_[c.sourced_id] = c.course_code.empty() ? c.sourced_id : c.course_code;
        }
        for (const auto& c : b_.classes) {
            if (c.school_sourced_id == school_) {
                classes_[c.sourced_id] = &c;
            }
        }
        for (const auto& e : b_.enrollments) {
            if (!classes_.contains(e.class_sourced_id)) {
                continue;
            }
            if (e.role == "student") {
                pupils_of_[e.class_sourced_id].push_back(e.user_sourced_id);
            } else if (e.role == "teacher") {
                teachers_of_[e.class_sourced_id].push_back(e.user_sourced_id);
            }
            if (e.role == "student" && classes_.at(e.class_sourced_id)->class_type == "homeroom") {
                homeroom_of_[e.user_sourced_id] = e.class_sourced_id;
            }
        }
        for (auto& [id, list] : pupils_of_) {
            std::sort(list.begin(), list.end());
        }
        for (const auto* c : scheduled()) {
            if (!teachers_of_.contains(c->sourced_id)) {
                listings_.emplace(pupils(*c), c);  // the first list with these pupils
            }
        }
    }

    // Courses that are taught (a section with a teacher) or not used by any class: a course
    // only homerooms or teacherless group lists use is a container, not a subject.
    BundleTable subjects() const {
        BundleTable t{"subjects", "courses.csv", {"code", "name"}, {}, {}};
        std::set<std::string> used, taught;
        for (const auto& [id, c] : classes_) {
            used.insert(c->course_sourced_id);
            if (c->class_type == "scheduled" && teachers_of_.contains(id)) {
                taught.insert(c->course_sourced_id);
            }
        }
        std::set<std::string> seen;  // grade-level courses of one subject share a code
        for (const auto& c : b_.courses) {
            if (used.contains(c.sourced_id) && !taught.contains(c.sourced_id)) {
                continue;
            }
            std::string code = course_codes_.at(c.sourced_id);
            if (seen.insert(code).second) {
                t.rows.push_back({c.line, {code, c.title}});
            }
        }
        return t;
    }

    // No subjects column: what a teacher teaches is in the sections, and the staff file's
    // list of subjects (which may name subjects not taught this year) is kept as it is.
    BundleTable staff() const {
        BundleTable t{"staff", "users.csv",
                      {"external_id", "last_name", "first_name", "middle_name", "birth_date"},
                      {}, {}};
        for (const auto& u : users(Kind::staff)) {
            t.rows.push_back({u->line, person(*u, {})});
        }
        return t;
    }

    BundleTable classes() const {
        BundleTable t{"classes", "classes.csv", {"class", "class_teacher"}, {}, {}};
        for (const auto& c : b_.classes) {
            if (c.school_sourced_id == school_ && c.class_type == "homeroom") {
                auto it = teachers_of_.find(c.sourced_id);
                std::string teacher = it == teachers_of_.end() ? "" : it->second.front();
                t.rows.push_back({c.line, {homeroom_name(c), teacher}});
            }
        }
        return t;
    }

    BundleTable students() const {
        BundleTable t{"students", "users.csv",
                      {"external_id", "last_name", "first_name", "middle_name", "birth_date",
                       "class"},
                      {}, {}};
        for (const auto& u : users(Kind::pupil)) {
            auto home = homeroom_of_.find(u->sourced_id);
            std::string klass;
            if (home == homeroom_of_.end()) {
                t.problems[u->line] = {"class", "the pupil is enrolled in no homeroom class "
                                                "(classType homeroom), so in no class"};
            } else {
                klass = homeroom_name(*classes_.at(home->second));
            }
            t.rows.push_back({u->line, person(*u, {klass})});
        }
        return t;
    }

    // Links come from either side: a guardian's agentSourcedIds name the children, a pupil's
    // name the guardians.
    BundleTable guardians() const {
        BundleTable t{"guardians", "users.csv",
                      {"external_id", "last_name", "first_name", "middle_name", "phone", "email",
                       "children"},
                      {}, {}};
        std::map<std::string, std::set<std::string>> children;
        for (const auto& u : b_.users) {
            for (const auto& agent : u.agent_sourced_ids) {
                if (kinds_.at(u.sourced_id) == Kind::pupil) {
                    children[agent].insert(u.sourced_id);
                } else if (kind_of(agent) == Kind::pupil) {
                    children[u.sourced_id].insert(agent);
                }
            }
        }
        for (const auto& u : users(Kind::guardian)) {
            const auto& kids = children[u->sourced_id];
            std::string phone = u->phone.empty() ? u->sms : u->phone;
            std::vector<std::string> row = {u->sourced_id, u->family_name, u->given_name,
                                            u->middle_name, phone, u->email,
                                            join({kids.begin(), kids.end()})};
            t.rows.push_back({u->line, row});
        }
        return t;
    }

    // Groups: teacherless scheduled classes (lists of a group's pupils), and sections taught to
    // neither a whole homeroom nor a listed group. One row per title.
    BundleTable groups() const {
        BundleTable t{"groups", "classes.csv", {"group", "class", "kind", "students"}, {}, {}};
        std::set<std::string> titles;
        for (const auto* c : scheduled()) {
            bool listing = !teachers_of_.contains(c->sourced_id);
            bool own_group = !whole_class(*c) && !listed_group(*c);
            if ((listing || own_group) && titles.insert(c->title).second) {
                auto home = single_homeroom(*c);
                t.rows.push_back({c->line,
                                  {c->title, home ? homeroom_name(*classes_.at(*home)) : "",
                                   home ? "subgroup" : "stream", join(pupils(*c))}});
            }
        }
        return t;
    }

    // Each teacher of a section teaches its course's subject to the homeroom or group whose
    // pupils the section has (or to the section as a group of its own).
    BundleTable assignments() const {
        BundleTable t{"assignments", "enrollments.csv", {"teacher", "subject", "class", "group"},
                      {}, {}};
        for (const auto& e : b_.enrollments) {
            auto it = classes_.find(e.class_sourced_id);
            if (e.role != "teacher" || it == classes_.end() ||
                it->second->class_type != "scheduled") {
                continue;
            }
            const OneRosterClass& c = *it->second;
            auto code = course_codes_.find(c.course_sourced_id);
            std::string subject = code == course_codes_.end() ? c.course_sourced_id : code->second;
            std::string klass, group;
            if (auto whole = whole_class(c)) {
                klass = homeroom_name(*classes_.at(*whole));
            } else if (auto listing = listed_group(c)) {
                group = (*listing)->title;
            } else {
                group = c.title;
            }
            t.rows.push_back({e.line, {e.user_sourced_id, subject, klass, group}});
        }
        return t;
    }

private:
    // A parent whose role is held at the district, not the school, still belongs to the
    // school's roster when linked to one of its pupils.
    void adopt_linked_guardians() {
        auto guardian_elsewhere = [&](const std::string& id) {
            auto it = users_by_id_.find(id);
            return it != users_by_id_.end() && kinds_[id] == Kind::none &&
                   !it->second->roles.empty() &&
                   kind_of_role(it->second->roles.front().role) == Kind::guardian;
        };
        for (const auto& u : b_.users) {
            users_by_id_[u.sourced_id] = &u;
        }
        for (const auto& u : b_.users) {
            if (kinds_[u.sourced_id] != Kind::pupil) {
                continue;
            }
            for (const auto& agent : u.agent_sourced_ids) {
                if (guardian_elsewhere(agent)) {
                    kinds_[agent] = Kind::guardian;
                }
            }
        }
        for (const auto& u : b_.users) {
            for (const auto& agent : u.agent_sourced_ids) {
                if (kind_of(agent) == Kind::pupil && guardian_elsewhere(u.sourced_id)) {
                    kinds_[u.sourced_id] = Kind::guardian;
                }
            }
        }
    }

    Kind kind_of(const std::string& user) const {
        auto it = kinds_.find(user);
        return it == kinds_.end() ? Kind::none : it->second;
    }

    std::vector<const OneRosterUser*> users(Kind kind) const {
        std::vector<const OneRosterUser*> out;
        for (const auto& u : b_.users) {
            if (kinds_.at(u.sourced_id) == kind) {
                out.push_back(&u);
            }
        }
        return out;
    }

    std::vector<std::string> person(const OneRosterUser& u,
                                    std::vector<std::string> more) const {
        auto born = birth_dates_.find(u.sourced_id);
        std::vector<std::string> row = {u.sourced_id, u.family_name, u.given_name, u.middle_name,
                                        born == birth_dates_.end() ? "" : born->second};
        row.insert(row.end(), more.begin(), more.end());
        return row;
    }

    // The teacherless scheduled class (a group's list of pupils) with the section's pupils.
    std::optional<const OneRosterClass*> listed_group(const OneRosterClass& c) const {
        auto it = listings_.find(pupils(c));
        return it == listings_.end() ? std::nullopt
                                     : std::optional<const OneRosterClass*>(it->second);
    }

    std::vector<const OneRosterClass*> scheduled() const {
        std::vector<const OneRosterClass*> out;
        for (const auto& c : b_.classes) {
            if (c.school_sourced_id == school_ && c.class_type == "scheduled") {
                out.push_back(&c);
            }
        }
        return out;
    }

    std::vector<std::string> pupils(const OneRosterClass& c) const {
        auto it = pupils_of_.find(c.sourced_id);
        return it == pupils_of_.end() ? std::vector<std::string>() : it->second;
    }

    // The homeroom whose pupils are exactly the section's, if any.
    std::optional<std::string> whole_class(const OneRosterClass& c) const {
        auto home = single_homeroom(c);
        if (home && pupils(*classes_.at(*home)) == pupils(c)) {
            return home;
        }
        return std::nullopt;
    }

    // The homeroom all the section's pupils are in, if they share one.
    std::optional<std::string> single_homeroom(const OneRosterClass& c) const {
        std::optional<std::string> home;
        for (const auto& p : pupils(c)) {
            auto it = homeroom_of_.find(p);
            if (it == homeroom_of_.end() || (home && *home != it->second)) {
                return std::nullopt;
            }
            home = it->second;
        }
        return home;
    }

    const OneRosterBundle& b_;
    std::string school_;
    std::map<std::string, Kind> kinds_;
    std::map<std::string, const OneRosterUser*> users_by_id_;
    std::map<std::string, std::string> birth_dates_;
    std::map<std::string, std::string> course_codes_;
    std::map<std::string, const OneRosterClass*> classes_;  // the school's
    std::map<std::string, std::vector<std::string>> pupils_of_, teachers_of_;
    std::map<std::string, std::string> homeroom_of_;  // pupil -> homeroom class
    std::map<std::vector<std::string>, const OneRosterClass*> listings_;  // pupils -> group list
};

}  // namespace

const formats::OneRosterOrg& choose_school(const OneRosterBundle& bundle,
                                           const std::string& org) {
    std::vector<const formats::OneRosterOrg*> schools;
    for (const auto& o : bundle.orgs) {
        if (!org.empty() ? o.sourced_id == org : o.type == "school") {
            schools.push_back(&o);
        }
    }
    if (schools.size() == 1) {
        return *schools.front();
    }
    if (!org.empty()) {
        throw Error(ExitCode::usage, "--org " + org + ": orgs.csv has no org with this sourcedId");
    }
    if (schools.empty()) {
        throw Error(ExitCode::data, "orgs.csv has no org of type school");
    }
    std::string list;
    for (const auto* s : schools) {
        list += (list.empty() ? "" : ", ") + s->sourced_id + " (" + s->name + ")";
    }
    throw Error(ExitCode::usage,
                "the bundle holds " + std::to_string(schools.size()) +
                    " schools; choose one with --org: " + list);
}

std::vector<BundleTable> bundle_tables(const OneRosterBundle& bundle,
                                       const formats::OneRosterOrg& school) {
    Mapper m(bundle, school.sourced_id);
    return {m.subjects(), m.staff(), m.classes(), m.students(), m.guardians(), m.groups(),
            m.assignments()};
}

}  // namespace schoolctl::app
