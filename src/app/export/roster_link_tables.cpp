// The tables whose rows link other rows: guardians to children, groups to pupils, teachers to
// classes, groups and subjects.
#include "app/export/roster_columns.h"

#include <algorithm>
#include <map>
#include <set>

namespace schoolctl::app {
namespace {

struct GuardianOut {
    const store::RosterGuardian* guardian = nullptr;
    std::string children; // the children's ids
    std::string family;   // a family key, for children without an id
    std::string relation;
};

// A guardians file links children by id, or by a family key that links every pupil who has it.
// A child without an id is reachable only through a key that names no other pupil's family
// than this guardian's.
GuardianOut guardian_row(const RosterSnapshot& r, const RosterGuardianEntry& entry,
                         const std::map<std::string, std::set<std::int64_t>>& families,
                         std::vector<std::string>& warnings) {
    GuardianOut out{&entry.guardian, {}, {}, {}};
    std::vector<std::string> ids;
    std::set<std::int64_t> kids, without_id;
    std::set<std::string> relations;
    for (const auto& link : entry.children) {
        const auto& pupil = r.pupil(link.pupil_id);
        kids.insert(link.pupil_id);
        relations.insert(link.relation);
        if (pupil.person.external_id) {
            ids.push_back(*pupil.person.external_id);
        } else {
            without_id.insert(link.pupil_id);
        }
    }
    out.children = join_list(ids);
    std::string name = person_ref(entry.guardian.person);
    if (!without_id.empty()) {
        const auto& key = r.pupil(*without_id.begin()).family_key;
        bool usable = key && std::all_of(without_id.begin(), without_id.end(),
                                         [&](auto id) { return r.pupil(id).family_key == key; });
        usable = usable && std::includes(kids.begin(), kids.end(), families.at(*key).begin(),
                                         families.at(*key).end());
        if (usable) {
            out.family = *key;
        } else {
            warnings.push_back("guardian «" + name + "»: " + std::to_string(without_id.size()) +
                               " of their children have no id and no family key of their "
                               "own; those links are not exported");
        }
    }
    out.relation = *relations.begin();
    if (relations.size() > 1) {
        warnings.push_back("guardian «" + name + "» is related to their children in " +
                           std::to_string(relations.size()) +
                           " ways; a guardians file has one relation per guardian, so \"" +
                           out.relation + "\" is exported for all");
    }
    return out;
}

struct GroupOut {
    const store::RosterGroup* group = nullptr;
    std::string students;
};

struct AssignmentOut {
    std::string teacher;
    std::string subject;
    std::string class_name;
    std::string group;
    std::string role;
};

} // namespace

BuiltTable guardians_table(const RosterSnapshot& r, std::vector<std::string>& warnings) {
    std::map<std::string, std::set<std::int64_t>> families;
    for (const auto& p : r.pupils) {
        if (p.family_key) {
            families[*p.family_key].insert(p.person_id);
        }
    }
    std::vector<GuardianOut> rows;
    for (const auto& entry : r.guardians) {
        GuardianOut row = guardian_row(r, entry, families, warnings);
        if (!row.children.empty() || !row.family.empty()) {
            rows.push_back(std::move(row)); // a row naming no child would be refused
        }
    }
    using Row = GuardianOut;
    return build_table<Row>(
        "guardians", rows,
        {{"external_id",
          [](const Row& g) { return text_cell(g.guardian->person.external_id.value_or("")); }},
         {"last_name", [](const Row& g) { return text_cell(g.guardian->person.last_name); }},
         {"first_name", [](const Row& g) { return text_cell(g.guardian->person.first_name); }},
         {"middle_name", [](const Row& g) { return text_cell(g.guardian->person.middle_name); }},
         {"phone", [](const Row& g) { return text_cell(g.guardian->phone); }},
         {"email", [](const Row& g) { return text_cell(g.guardian->email); }},
         {"children", [](const Row& g) { return text_cell(g.children); }},
         {"family", [](const Row& g) { return text_cell(g.family); }},
         {"relation", [](const Row& g) { return text_cell(g.relation); }}});
}

BuiltTable groups_table(const RosterSnapshot& r, std::vector<std::string>& warnings) {
    std::map<std::string, int> names;
    for (const auto& p : r.pupils) {
        ++names[p.person.match_key];
    }
    std::vector<GroupOut> rows;
    for (const auto& entry : r.groups) {
        const auto& g = entry.group;
        std::vector<std::string> members;
        std::size_t elsewhere = 0;
        for (std::int64_t id : entry.members) {
            const auto& pupil = r.pupil(id);
            // The groups import keeps a subgroup inside its class.
            if (g.kind == "subgroup" && g.class_id && pupil.class_id != *g.class_id) {
                ++elsewhere;
                continue;
            }
            if (!pupil.person.external_id && names[pupil.person.match_key] > 1) {
                warnings.push_back("group «" + g.name + "»: pupil «" + person_ref(pupil.person) +
                                   "» has no id and a namesake; the group's row will not "
                                   "import until they have ids");
            }
            members.push_back(person_ref(pupil.person));
        }
        if (elsewhere > 0) {
            warnings.push_back("subgroup «" + g.name + "»: " + std::to_string(elsewhere) +
                               " members are no longer in class " +
                               r.class_row(*g.class_id).name() + "; not exported as members");
        }
        rows.push_back({&g, join_list(members)});
    }
    using Row = GroupOut;
    return build_table<Row>("groups", rows,
                            {{"group", [](const Row& g) { return text_cell(g.group->name); }},
                             {"class",
                              [&r](const Row& g) {
                                  return g.group->class_id
                                             ? text_cell(r.class_row(*g.group->class_id).name())
                                             : report::Cell{};
                              }},
                             {"kind", [](const Row& g) { return text_cell(g.group->kind); }},
                             {"students", [](const Row& g) { return text_cell(g.students); }}});
}

BuiltTable assignments_table(const RosterSnapshot& r) {
    std::vector<AssignmentOut> rows;
    // Class teachers first, as a load table lists them; classes.csv names them too.
    for (const auto& c : r.classes) {
        if (c.class_teacher_id) {
            rows.push_back({person_ref(r.staff_member(*c.class_teacher_id).person), "", c.name(),
                            "", "class_teacher"});
        }
    }
    for (const auto& a : r.assignments) {
        rows.push_back({person_ref(r.staff_member(a.staff_id).person), r.subject(a.subject_id).code,
                        a.class_id ? r.class_row(*a.class_id).name() : "",
                        a.group_id ? r.group(*a.group_id).group.name : "", "teacher"});
    }
    using Row = AssignmentOut;
    return build_table<Row>("assignments", rows,
                            {{"teacher", [](const Row& a) { return text_cell(a.teacher); }},
                             {"subject", [](const Row& a) { return text_cell(a.subject); }},
                             {"class", [](const Row& a) { return text_cell(a.class_name); }},
                             {"group", [](const Row& a) { return text_cell(a.group); }},
                             {"role", [](const Row& a) { return text_cell(a.role); }}});
}

} // namespace schoolctl::app
