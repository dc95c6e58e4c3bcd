#include "app/import/class_resolver.h"

#include <vector>

#include "store/pupils.h"

namespace schoolctl::app {

ClassResolver::ClassResolver(ImportRun& run) {
    for (const auto& c : store::list_classes(run.db(), run.year().id)) {
        ids_[c.name()] = c.id;
        names_[c.id] = c.name();
    }
    had_classes_ = !ids_.empty();
}

std::variant<std::int64_t, domain::ClassName, RowProblem> ClassResolver::resolve(
    ImportRun& run, const std::string& text, const std::string& field, MissingClass missing) {
    if (text.empty()) {
        return RowProblem{field, "is empty"};
    }
    auto parsed = domain::parse_class_name(text);
    if (auto* reason = std::get_if<std::string>(&parsed)) {
        return RowProblem{field, "\"" + text + "\": " + *reason};
    }
    const auto& name = std::get<domain::ClassName>(parsed);
    std::string key = name.str();
    if (auto it = ids_.find(key); it != ids_.end()) {
        return it->second;
    }
    if (missing == MissingClass::reject) {
        // Classes of the same grade first: «5Г» is most likely a mistyped 5А–5В.
        std::vector<std::string> same_grade, others;
        for (const auto& [known, id] : ids_) {
            auto p = domain::parse_class_name(known);
            bool same = std::get<domain::ClassName>(p).grade == name.grade;
            (same ? same_grade : others).push_back(known);
        }
        const auto& candidates = same_grade.empty() ? others : same_grade;
        return RowProblem{field, "\"" + text + "\": the year " + run.year().name +
                                     " has no class " + key + did_you_mean(candidates) +
                                     "; classes are added by `schoolctl import classes`"};
    }
    return name;
}

std::int64_t ClassResolver::create(ImportRun& run, const domain::ClassName& name, Tally tally) {
    std::string key = name.str();
    if (auto it = ids_.find(key); it != ids_.end()) {
        return it->second;
    }
    std::int64_t id = store::insert_class(run.db(), run.year().id, name.grade, name.letter);
    run.session.audit("class.create", "class", std::to_string(id),
                      {{"new", {{"class", key}, {"academic_year", run.year().name}}}});
    if (tally == Tally::new_classes) {
        run.summary.add_also("new classes");
    }
    ids_[key] = id;
    names_[id] = key;
    return id;
}

}  // namespace schoolctl::app
