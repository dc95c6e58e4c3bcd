#include "app/import/students.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/import/history.h"
#include "app/import/student_rows.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

enum class Action { create, update, unchanged };

struct Planned {
    const StudentRow* row = nullptr;
    Action action = Action::create;
    std::optional<store::PupilRow> existing;
    nlohmann::json changes;  // field -> [old, new]
};

nlohmann::json person_json(const store::PersonFields& p, const std::string& class_name) {
    return {{"last_name", p.last_name},
            {"first_name", p.first_name},
            {"middle_name", p.middle_name},
            {"birth_date", p.birth_date.value_or("")},
            {"external_id", p.external_id.value_or("")},
            {"class", class_name}};
}

nlohmann::json diff(const nlohmann::json& old_values, const nlohmann::json& new_values) {
    nlohmann::json changes = nlohmann::json::object();
    for (auto it = new_values.begin(); it != new_values.end(); ++it) {
        if (old_values.value(it.key(), nlohmann::json()) != it.value()) {
            changes[it.key()] = {old_values.value(it.key(), nlohmann::json()), it.value()};
        }
    }
    return changes;
}

// The day a membership starts: today, kept inside the academic year.
std::string membership_start(const store::YearRow& year) {
    std::string today = domain::format_iso(today_moscow());
    return std::clamp(today, year.start_date, year.end_date);
}

std::optional<RowReject> plan_row(Session& s, const StudentRow& row, Planned& plan) {
    plan.row = &row;
    if (row.person.external_id) {
        plan.existing = store::find_pupil_by_external_id(s.db(), s.school_id(),
                                                         *row.person.external_id);
    }
    if (!plan.existing) {
        auto matches = store::find_pupils_by_natural_key(s.db(), s.school_id(),
                                                         row.person.match_key,
                                                         row.person.birth_date);
        // A natural-key match that carries another id is a different pupil.
        std::erase_if(matches, [&](const store::PupilRow& m) {
            return row.person.external_id && m.person.external_id &&
                   m.person.external_id != row.person.external_id;
        });
        if (matches.size() > 1) {
            return RowReject{row.line, "last_name",
                             std::to_string(matches.size()) +
                                 " pupils already have this name and birth date; add an id "
                                 "column to tell them apart",
                             row.original};
        }
        if (matches.size() == 1) {
            plan.existing = matches.front();
        }
    }
    if (!plan.existing) {
        plan.action = Action::create;
        return std::nullopt;
    }
    store::PersonFields merged = row.person;
    if (!merged.external_id) {
        merged.external_id = plan.existing->person.external_id;  // an absent id column keeps it
    }
    plan.changes = diff(person_json(plan.existing->person, plan.existing->class_name),
                        person_json(merged, row.class_name.str()));
    plan.action = plan.changes.empty() ? Action::unchanged : Action::update;
    return std::nullopt;
}

std::int64_t class_id_for(Session& s, const store::YearRow& year, const domain::ClassName& name,
                          std::map<std::string, std::int64_t>& cache, ImportSummary& summary) {
    auto key = name.str();
    if (auto it = cache.find(key); it != cache.end()) {
        return it->second;
    }
    auto id = store::find_class(s.db(), year.id, name.grade, name.letter);
    if (!id) {
        id = store::insert_class(s.db(), year.id, name.grade, name.letter);
        s.audit("class.create", "class", std::to_string(*id),
                {{"new", {{"class", key}, {"academic_year", year.name}}}});
        ++summary.classes_created;
    }
    cache[key] = *id;
    return *id;
}

std::size_t count_new_classes(Session& s, const store::YearRow& year,
                              const std::vector<StudentRow>& rows) {
    std::set<std::string> fresh;
    for (const auto& row : rows) {
        if (!store::find_class(s.db(), year.id, row.class_name.grade, row.class_name.letter)) {
            fresh.insert(row.class_name.str());
        }
    }
    return fresh.size();
}

void apply(Session& s, const store::YearRow& year, const std::vector<Planned>& plans,
           ImportSummary& summary) {
    std::string now = utc_iso_now();
    std::string from = membership_start(year);
    std::map<std::string, std::int64_t> classes;
    for (const Planned& p : plans) {
        const StudentRow& row = *p.row;
        if (p.action == Action::unchanged) {
            continue;
        }
        std::int64_t class_id = class_id_for(s, year, row.class_name, classes, summary);
        if (p.action == Action::create) {
            std::int64_t id = store::insert_pupil(s.db(), s.school_id(), row.person, now);
            store::move_to_class(s.db(), id, class_id, from);
            s.audit("pupil.create", "pupil", std::to_string(id),
                    {{"new", person_json(row.person, row.class_name.str())},
                     {"source", summary.file + ":" + std::to_string(row.line)}});
            continue;
        }
        store::PersonFields merged = row.person;
        if (!merged.external_id) {
            merged.external_id = p.existing->person.external_id;
        }
        store::update_person(s.db(), p.existing->person_id, merged, now);
        if (p.existing->class_id != class_id) {
            store::move_to_class(s.db(), p.existing->person_id, class_id, from);
        }
        s.audit("pupil.update", "pupil", std::to_string(p.existing->person_id),
                {{"changes", p.changes}, {"source", summary.file + ":" + std::to_string(row.line)}});
    }
}

}  // namespace

ImportSummary import_students(Session& s, const ImportStudentsRequest& request) {
    s.require(domain::Permission::roster_write);
    ImportSummary summary;
    summary.dry_run = request.dry_run;
    summary.max_rejects = request.max_rejects;

    formats::CsvOptions options;
    options.encoding = request.encoding;
    options.delimiter = request.delimiter;
    formats::CsvTable table = formats::read_csv(request.file, options);
    summary.file = table.file;  // "<stdin>" for "-"
    summary.encoding = table.encoding;
    summary.delimiter = table.delimiter;
    ColumnMap columns = map_columns(student_fields(), table.header, request.file);
    for (const auto& h : columns.unknown_headers) {
        summary.warnings.push_back(request.file + ":1: column «" + h +
                                   "» is not a pupil field and was not imported");
    }
    summary.rows = table.records.size();

    std::vector<StudentRow> rows;
    validate_student_rows(table, columns, rows, summary.rejects);

    auto year = store::current_year(s.db(), s.school_id(), domain::format_iso(today_moscow()));
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year; set [academic_year] in "
                                      "schoolctl.toml and run `schoolctl init`");
    }

    // One write transaction from planning to commit, so no other writer changes what the plan
    // was computed from.
    store::Transaction tx(s.db());
    std::vector<Planned> plans(rows.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (auto reject = plan_row(s, rows[i], plans[i])) {
            summary.rejects.push_back(*reject);
            continue;
        }
        auto& counter = plans[i].action == Action::create   ? summary.created
                        : plans[i].action == Action::update ? summary.updated
                                                            : summary.unchanged;
        ++counter;
    }
    summary.classes_created = count_new_classes(s, *year, rows);
    std::sort(summary.rejects.begin(), summary.rejects.end(),
              [](const RowReject& a, const RowReject& b) { return a.line < b.line; });
    if (request.rejects_file) {
        write_rejects_file(*request.rejects_file, table.header, summary.rejects);
    }
    if (summary.rejects.size() > request.max_rejects || request.dry_run) {
        return summary;  // the transaction rolls back: nothing written
    }
    summary.classes_created = 0;  // counted again as they are made
    apply(s, *year, plans, summary);
    std::int64_t import_id = record_import(s, "students", table.sha256, summary);
    s.audit("import.students", "import", std::to_string(import_id),
            {{"file", summary.file},
             {"sha256", table.sha256},
             {"rows", summary.rows},
             {"created", summary.created},
             {"updated", summary.updated},
             {"unchanged", summary.unchanged},
             {"rejected", summary.rejects.size()}});
    tx.commit();
    summary.written = true;
    return summary;
}

}  // namespace schoolctl::app
