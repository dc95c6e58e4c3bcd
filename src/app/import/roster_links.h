#pragma once
// What the classes, groups and assignments files share: the day a membership begins, and a
// class teacher set with its audit.
#include <cstdint>
#include <optional>
#include <string>

#include "app/import/pipeline.h"

namespace schoolctl::app {

// The day a membership made by an import starts: --as-of, else today, kept inside the academic
// year.
std::string membership_start(ImportRun& run);

// Sets (or clears) a class's teacher and audits old -> new, citing the row.
void record_class_teacher(ImportRun& run, std::int64_t class_id,
                          std::optional<std::int64_t> old_teacher,
                          std::optional<std::int64_t> teacher, std::size_t line);

}  // namespace schoolctl::app
