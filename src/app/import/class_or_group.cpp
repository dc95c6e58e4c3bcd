#include "app/import/class_or_group.h"

namespace schoolctl::app {

std::variant<ClassOrGroup, RowProblem> read_class_or_group(ImportRun& run, ClassResolver& classes,
                                                           const GroupResolver& groups,
                                                           const std::string& class_text,
                                                           const std::string& group_text,
                                                           const std::string& what) {
    std::optional<std::int64_t> class_id;
    if (!class_text.empty()) {
        auto klass = classes.resolve(run, class_text, "class", MissingClass::reject);
        if (auto* problem = std::get_if<RowProblem>(&klass)) {
            return *problem;
        }
        class_id = std::get<std::int64_t>(klass);
    }
    if (group_text.empty()) {
        if (!class_id) {
            return RowProblem{"class", "is empty: give the class or the group" + what};
        }
        return ClassOrGroup{class_id, std::nullopt};
    }
    auto g = groups.resolve(group_text, "group");
    if (auto* problem = std::get_if<RowProblem>(&g)) {
        return *problem;
    }
    const store::GroupRow& found = *std::get<const store::GroupRow*>(g);
    if (class_id && found.class_id != class_id) {
        return RowProblem{"group",
                          "\"" + group_text + "\" is not a group of " + classes.name(*class_id)};
    }
    return ClassOrGroup{std::nullopt, found.id};
}

}  // namespace schoolctl::app
