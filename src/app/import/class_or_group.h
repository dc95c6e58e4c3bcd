#pragma once
// A row that is for a class or for a group (the assignments and the timetable): the class
// column, the group column, or both when the group is part of that class.
#include <cstdint>
#include <optional>
#include <string>
#include <variant>

#include "app/import/class_resolver.h"
#include "app/import/group_resolver.h"
#include "app/import/pipeline.h"

namespace schoolctl::app {

struct ClassOrGroup {
    std::optional<std::int64_t> class_id;  // exactly one of the two is set
    std::optional<std::int64_t> group_id;
};

// `what` ends the message for a row with neither: "is empty: give the class or the group"
// + what.
std::variant<ClassOrGroup, RowProblem> read_class_or_group(ImportRun& run, ClassResolver& classes,
                                                           const GroupResolver& groups,
                                                           const std::string& class_text,
                                                           const std::string& group_text,
                                                           const std::string& what = "");

}  // namespace schoolctl::app
