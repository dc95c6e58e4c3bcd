#include "app/import/group_resolver.h"

#include "domain/person_name.h"

namespace schoolctl::app {

GroupResolver::GroupResolver(ImportRun& run) {
    for (const auto& g : store::list_groups(run.db(), run.year().id)) {
        add(g);
    }
}

std::variant<const store::GroupRow*, RowProblem> GroupResolver::resolve(
    const std::string& text, const std::string& field) const {
    if (auto it = by_key_.find(domain::match_key(text)); it != by_key_.end()) {
        return &it->second;
    }
    if (names_.empty()) {
        return RowProblem{field, "\"" + text + "\": the year has no groups yet; import them "
                                               "first with `schoolctl import groups`"};
    }
    return RowProblem{field, "\"" + text + "\" is not a group of the year" +
                                 did_you_mean(names_)};
}

store::GroupRow* GroupResolver::find(const std::string& text) {
    auto it = by_key_.find(domain::match_key(text));
    return it == by_key_.end() ? nullptr : &it->second;
}

void GroupResolver::add(const store::GroupRow& group) {
    by_key_[domain::match_key(group.name)] = group;
    names_.push_back(group.name);
}

}  // namespace schoolctl::app
