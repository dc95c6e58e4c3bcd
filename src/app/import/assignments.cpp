#include "app/import/assignments.h"

#include <array>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>

#include "app/import/class_or_group.h"
#include "app/import/class_resolver.h"
#include "app/import/group_resolver.h"
#include "app/import/roster_links.h"
#include "app/import/staff_resolver.h"
#include "app/import/subject_resolver.h"
#include "domain/person_name.h"
#include "store/assignments.h"
#include "store/pupils.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { teacher, subject, class_, group, role };

enum class Role { teacher, class_teacher };

std::optional<Role> role_of(const std::string& text) {
    static const std::array<std::pair<const char*, Role>, 8> aliases = {{
        {"teacher", Role::teacher},
        {"учитель", Role::teacher},
        {"преподаватель", Role::teacher},
        {"class_teacher", Role::class_teacher},
        {"class teacher", Role::class_teacher},
        {"классный руководитель", Role::class_teacher},
        {"кл. руководитель", Role::class_teacher},
        {"классное руководство", Role::class_teacher},
    }};
    if (text.empty()) {
        return Role::teacher;
    }
    std::string key = domain::match_key(text);
    for (auto [alias, r] : aliases) {
        if (domain::match_key(alias) == key) {
            return r;
        }
    }
    return std::nullopt;
}

class AssignmentImporter final : public RowImporter {
public:
    std::string kind() const override { return "assignments"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"teacher", {"Учитель", "Преподаватель", "ФИО учителя", "teacher_id"}, true},
            {"subject", {"Предмет", "Код предмета", "subject_code"}, false},
            {"class", {"Класс", "class_name"}, false},
            {"group", {"Группа", "Подгруппа", "group_name"}, false},
            {"role", {"Роль", "Нагрузка", "assignment_role"}, false},
        };
        return specs;
    }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!classes_) {
            classes_.emplace(run);
            groups_.emplace(run);
            subjects_.emplace(run);
            for (const auto& c : store::list_classes(run.db(), run.year().id)) {
                class_teachers_[c.id] = c.class_teacher_id;
            }
        }
        if (row[teacher].empty()) {
            return RowProblem{"teacher", "is empty"};
        }
        auto who = resolve_staff(run, row[teacher], "teacher");
        if (auto* problem = std::get_if<RowProblem>(&who)) {
            return *problem;
        }
        std::int64_t staff_id = std::get<std::int64_t>(who);
        // A load table often lists class teaching as a subject: «Классное руководство».
        auto r = role_of(row[role]);
        if (r == Role::teacher && role_of(row[subject]) == Role::class_teacher) {
            r = Role::class_teacher;
        } else if (r == Role::class_teacher && role_of(row[subject]) == Role::class_teacher) {
            // the subject column repeats the role: nothing more to check
        } else if (r == Role::class_teacher && !row[subject].empty()) {
            return RowProblem{"subject", "a class teacher row names no subject (give the "
                                         "subject taught on a row of its own)"};
        }
        if (!r) {
            return RowProblem{"role", "\"" + row[role] + "\" is not a role (teacher, "
                                                          "class_teacher)"};
        }
        return *r == Role::class_teacher ? class_teacher_row(run, row, staff_id)
                                         : teaching_row(run, row, staff_id);
    }

private:
    RowResult class_teacher_row(ImportRun& run, const RowCells& row, std::int64_t staff_id) {
        if (!row[group].empty()) {
            return RowProblem{"group", "a class teacher leads a class, not a group"};
        }
        if (row[class_].empty()) {
            return RowProblem{"class", "is empty: whose class teacher?"};
        }
        auto klass = classes_->resolve(run, row[class_], "class", MissingClass::reject);
        if (auto* problem = std::get_if<RowProblem>(&klass)) {
            return *problem;
        }
        std::int64_t class_id = std::get<std::int64_t>(klass);
        if (auto [it, fresh] = class_teacher_lines_.emplace(class_id, row.line()); !fresh) {
            return RowProblem{"class", "line " + std::to_string(it->second) +
                                           " already names the class teacher of " +
                                           classes_->name(class_id)};
        }
        std::optional<std::int64_t> old = class_teachers_[class_id];
        if (old == staff_id) {
            return RowAction::unchanged;
        }
        record_class_teacher(run, class_id, old, staff_id, row.line());
        class_teachers_[class_id] = staff_id;
        return old ? RowAction::updated : RowAction::created;
    }

    RowResult teaching_row(ImportRun& run, const RowCells& row, std::int64_t staff_id) {
        if (row[subject].empty()) {
            return RowProblem{"subject", "is empty: which subject does the teacher teach?"};
        }
        auto subj = subjects_->resolve(row[subject], "subject");
        if (auto* problem = std::get_if<RowProblem>(&subj)) {
            return *problem;
        }
        store::AssignmentKey key{staff_id, std::get<std::int64_t>(subj), std::nullopt,
                                 std::nullopt};
        if (auto problem = read_target(run, row, key)) {
            return *problem;
        }
        auto tuple = std::tuple(key.staff_id, key.subject_id, key.class_id, key.group_id);
        if (auto [it, fresh] = lines_.emplace(tuple, row.line()); !fresh) {
            return RowProblem{"teacher", "the same assignment as line " +
                                             std::to_string(it->second)};
        }
        if (store::find_assignment(run.db(), key)) {
            return RowAction::unchanged;
        }
        std::int64_t id = store::insert_assignment(run.db(), key);
        run.session.audit("assignment.create", "assignment", std::to_string(id),
                          {{"new",
                            {{"staff_id", staff_id},
                             {"subject", row[subject]},
                             {"class", key.class_id ? classes_->name(*key.class_id) : ""},
                             {"group", row[group]}}},
                           {"source", run.source(row.line())}});
        return RowAction::created;
    }

    // A class, or a group; a row may give both when the group is part of that class.
    std::optional<RowProblem> read_target(ImportRun& run, const RowCells& row,
                                          store::AssignmentKey& key) {
        auto target = read_class_or_group(run, *classes_, *groups_, row[class_], row[group],
                                          " taught");
        if (auto* problem = std::get_if<RowProblem>(&target)) {
            return *problem;
        }
        key.class_id = std::get<ClassOrGroup>(target).class_id;
        key.group_id = std::get<ClassOrGroup>(target).group_id;
        return std::nullopt;
    }

    std::optional<ClassResolver> classes_;
    std::optional<GroupResolver> groups_;
    std::optional<SubjectResolver> subjects_;
    std::map<std::int64_t, std::optional<std::int64_t>> class_teachers_;
    std::map<std::int64_t, std::size_t> class_teacher_lines_;
    std::map<std::tuple<std::int64_t, std::int64_t, std::optional<std::int64_t>,
                        std::optional<std::int64_t>>,
             std::size_t>
        lines_;
};

}  // namespace

std::unique_ptr<RowImporter> make_assignment_importer() {
    return std::make_unique<AssignmentImporter>();
}

}  // namespace schoolctl::app
