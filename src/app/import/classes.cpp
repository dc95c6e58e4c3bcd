#include "app/import/classes.h"

#include "app/import/class_resolver.h"
#include "app/import/roster_links.h"
#include "app/import/staff_resolver.h"
#include "store/pupils.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { class_, class_teacher };

class ClassImporter final : public RowImporter {
public:
    std::string kind() const override { return "classes"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"class", {"Класс", "class_name", "Название"}, true},
            {"class_teacher", {"Классный руководитель", "Кл. руководитель", "homeroom_teacher"},
             false},
        };
        return specs;
    }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!classes_) {
            classes_.emplace(run);
            for (const auto& c : store::list_classes(run.db(), run.year().id)) {
                teachers_[c.id] = c.class_teacher_id;
            }
        }
        auto klass = classes_->resolve(run, row[class_], "class", MissingClass::create);
        if (auto* problem = std::get_if<RowProblem>(&klass)) {
            return *problem;
        }
        std::optional<std::int64_t> teacher;
        std::string teacher_text = row[class_teacher];
        if (!teacher_text.empty()) {
            auto t = resolve_staff(run, teacher_text, "class_teacher");
            if (auto* problem = std::get_if<RowProblem>(&t)) {
                return *problem;
            }
            teacher = std::get<std::int64_t>(t);
        }
        bool fresh = std::holds_alternative<domain::ClassName>(klass);
        std::int64_t id = fresh ? classes_->create(run, std::get<domain::ClassName>(klass),
                                                   ClassResolver::Tally::row)
                                : std::get<std::int64_t>(klass);
        if (auto first = run.claim(id, row.line())) {
            return RowProblem{"class", "the same class as line " + std::to_string(*first)};
        }
        std::optional<std::int64_t> old_teacher = fresh ? std::nullopt : teachers_[id];
        if (!row.has_column(class_teacher)) {
            teacher = old_teacher;  // a list of classes alone keeps their teachers
        }
        if (teacher != old_teacher) {
            record_class_teacher(run, id, old_teacher, teacher, row.line());
            teachers_[id] = teacher;
        }
        if (fresh) {
            return RowAction::created;
        }
        return teacher != old_teacher ? RowAction::updated : RowAction::unchanged;
    }

private:
    std::optional<ClassResolver> classes_;
    std::map<std::int64_t, std::optional<std::int64_t>> teachers_;
};

}  // namespace

std::unique_ptr<RowImporter> make_class_importer() { return std::make_unique<ClassImporter>(); }

}  // namespace schoolctl::app
