#include "app/import/roster_links.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "store/pupils.h"

namespace schoolctl::app {

std::string membership_start(ImportRun& run) {
    return std::clamp(run.request.as_of.value_or(run.today), run.year().start_date,
                      run.year().end_date);
}

void record_class_teacher(ImportRun& run, std::int64_t class_id,
                          std::optional<std::int64_t> old_teacher,
                          std::optional<std::int64_t> teacher, std::size_t line) {
    auto id_or_null = [](std::optional<std::int64_t> id) {
        return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
    };
    store::set_class_teacher(run.db(), class_id, teacher);
    run.session.audit("class.update", "class", std::to_string(class_id),
                      {{"changes", {{"class_teacher_id", {id_or_null(old_teacher),
                                                          id_or_null(teacher)}}}},
                       {"source", run.source(line)}});
}

}  // namespace schoolctl::app
