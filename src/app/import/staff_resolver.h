#pragma once
// A staff member named in an import file by id (T-0005) or by full name («Иванова Анна
// Петровна»); a name two staff members share is refused, never guessed.
#include <cstdint>
#include <string>
#include <variant>

#include "app/import/pipeline.h"

namespace schoolctl::app {

std::variant<std::int64_t, RowProblem> resolve_staff(ImportRun& run, const std::string& text,
                                                     const std::string& field);

}  // namespace schoolctl::app
