#pragma once
// Groups named in import files by name («5А англ. 1»), compared by their match key (case,
// ё/е and spacing do not matter), with "did you mean" for a group the year does not have.
#include <cstdint>
#include <map>
#include <string>
#include <variant>
#include <vector>

#include "app/import/pipeline.h"
#include "store/groups.h"

namespace schoolctl::app {

class GroupResolver {
public:
    // Loads the year's groups once.
    explicit GroupResolver(ImportRun& run);

    std::variant<const store::GroupRow*, RowProblem> resolve(const std::string& text,
                                                             const std::string& field) const;
    // The group by name, or nullptr.
    store::GroupRow* find(const std::string& text);
    void add(const store::GroupRow& group);

private:
    std::map<std::string, store::GroupRow> by_key_;
    std::vector<std::string> names_;
};

}  // namespace schoolctl::app
