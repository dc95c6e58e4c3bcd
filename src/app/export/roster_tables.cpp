#include "app/export/roster_tables.h"

#include "app/export/roster_columns.h"
#include "app/import/importers.h"
#include "domain/date.h"
#include "domain/person_name.h"

#include <algorithm>
#include <map>
#include <set>

namespace schoolctl::app {
namespace {

std::vector<BuiltTable> build_all(const RosterSnapshot& r, std::vector<std::string>& warnings) {
    std::vector<BuiltTable> out;
    out.push_back(subjects_table(r));
    out.push_back(staff_table(r));
    out.push_back(classes_table(r));
    out.push_back(students_table(r, warnings));
    out.push_back(guardians_table(r, warnings));
    out.push_back(groups_table(r, warnings));
    out.push_back(assignments_table(r));
    return out;
}

// The header in the importer's order, so the file reads back with no mapping. A field either
// side lacks is left out: an import keeps what a file has no column for.
RosterTable arrange(BuiltTable built) {
    std::vector<std::string> order = built.fields;
    for (const auto& kind : import_kinds()) {
        if (kind.name == built.kind) {
            order.clear();
            for (const auto& spec : kind.make()->fields()) {
                if (std::find(built.fields.begin(), built.fields.end(), spec.name) !=
                    built.fields.end()) {
                    order.push_back(spec.name);
                }
            }
        }
    }
    std::vector<std::size_t> from;
    for (const auto& name : order) {
        from.push_back(static_cast<std::size_t>(
            std::find(built.fields.begin(), built.fields.end(), name) - built.fields.begin()));
    }
    RosterTable table{built.kind, order, {}};
    table.rows.reserve(built.rows.size());
    for (auto& row : built.rows) {
        auto& cells = table.rows.emplace_back();
        for (std::size_t i : from) {
            cells.push_back(std::move(row[i]));
        }
    }
    return table;
}

// A staff member named by full name in classes.csv or assignments.csv resolves on import only
// when no one else on the staff has that name.
void warn_ambiguous_teachers(const RosterSnapshot& r, std::vector<std::string>& warnings) {
    std::map<std::string, int> names;
    for (const auto& s : r.staff) {
        ++names[s.person.match_key];
    }
    std::set<std::int64_t> named;
    for (const auto& c : r.classes) {
        if (c.class_teacher_id) {
            named.insert(*c.class_teacher_id);
        }
    }
    for (const auto& a : r.assignments) {
        named.insert(a.staff_id);
    }
    for (std::int64_t id : named) {
        const auto& s = r.staff_member(id);
        if (!s.person.external_id && names[s.person.match_key] > 1) {
            warnings.push_back("staff member «" + person_ref(s.person) +
                               "» has no id and a namesake on the staff: the class and "
                               "assignment rows naming them will not import; give them ids");
        }
    }
}

} // namespace

std::string person_ref(const store::PersonFields& p) {
    if (p.external_id && !p.external_id->empty()) {
        return *p.external_id;
    }
    return domain::full_name({p.last_name, p.first_name, p.middle_name});
}

report::Cell text_cell(std::string text) {
    if (text.empty()) {
        return std::monostate{};
    }
    return text;
}

report::Cell date_cell(const std::optional<std::string>& iso) {
    if (!iso) {
        return std::monostate{};
    }
    if (auto date = domain::parse_date(*iso)) {
        return *date;
    }
    return *iso;
}

std::string join_list(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

BuiltTable subjects_table(const RosterSnapshot& r) {
    using Row = store::SubjectRow;
    return build_table<Row>("subjects", r.subjects,
                            {{"code", [](const Row& s) { return text_cell(s.code); }},
                             {"name", [](const Row& s) { return text_cell(s.name); }},
                             {"scale", [](const Row& s) { return text_cell(s.scale); }}});
}

BuiltTable staff_table(const RosterSnapshot& r) {
    using Row = store::StaffRow;
    return build_table<Row>(
        "staff", r.staff,
        {{"external_id", [](const Row& s) { return text_cell(s.person.external_id.value_or("")); }},
         {"last_name", [](const Row& s) { return text_cell(s.person.last_name); }},
         {"first_name", [](const Row& s) { return text_cell(s.person.first_name); }},
         {"middle_name", [](const Row& s) { return text_cell(s.person.middle_name); }},
         {"birth_date", [](const Row& s) { return date_cell(s.person.birth_date); }},
         {"position", [](const Row& s) { return text_cell(s.position); }},
         {"subjects", [](const Row& s) { return text_cell(join_list(s.subject_codes)); }}});
}

BuiltTable classes_table(const RosterSnapshot& r) {
    using Row = store::ClassRow;
    return build_table<Row>(
        "classes", r.classes,
        {{"class", [](const Row& c) { return text_cell(c.name()); }},
         {"class_teacher", [&r](const Row& c) {
              return c.class_teacher_id
                         ? text_cell(person_ref(r.staff_member(*c.class_teacher_id).person))
                         : report::Cell{};
          }}});
}

BuiltTable students_table(const RosterSnapshot& r, std::vector<std::string>& warnings) {
    for (const auto& p : r.pupils) {
        if (!p.person.external_id && !p.person.birth_date) {
            warnings.push_back("pupil «" + person_ref(p.person) +
                               "» has neither an id nor a birth date: their row will not "
                               "import");
        }
    }
    using Row = store::RosterPupil;
    return build_table<Row>(
        "students", r.pupils,
        {{"external_id", [](const Row& p) { return text_cell(p.person.external_id.value_or("")); }},
         {"last_name", [](const Row& p) { return text_cell(p.person.last_name); }},
         {"first_name", [](const Row& p) { return text_cell(p.person.first_name); }},
         {"middle_name", [](const Row& p) { return text_cell(p.person.middle_name); }},
         {"birth_date", [](const Row& p) { return date_cell(p.person.birth_date); }},
         {"class", [&r](const Row& p) { return text_cell(r.class_row(p.class_id).name()); }},
         {"family", [](const Row& p) { return text_cell(p.family_key.value_or("")); }}});
}

const std::vector<std::string>& roster_kinds() {
    static const std::vector<std::string> kinds = {"subjects",  "staff",  "classes",    "students",
                                                   "guardians", "groups", "assignments"};
    return kinds;
}

std::vector<std::string> exported_fields(const std::string& kind) {
    static const RosterSnapshot empty;
    std::vector<std::string> ignored;
    for (auto& t : build_all(empty, ignored)) {
        if (t.kind == kind) {
            return t.fields;
        }
    }
    return {};
}

RosterTables roster_tables(const RosterSnapshot& roster) {
    RosterTables out;
    warn_ambiguous_teachers(roster, out.warnings);
    for (auto& built : build_all(roster, out.warnings)) {
        out.tables.push_back(arrange(std::move(built)));
    }
    return out;
}

} // namespace schoolctl::app
