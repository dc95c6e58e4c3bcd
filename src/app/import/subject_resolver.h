#pragma once
// Subjects named in import files by code (MATH) or by name («Математика»), any case.
#include <cstdint>
#include <map>
#include <string>
#include <variant>

#include "app/import/pipeline.h"

namespace schoolctl::app {

class SubjectResolver {
public:
    explicit SubjectResolver(ImportRun& run);
    std::variant<std::int64_t, RowProblem> resolve(const std::string& text,
                                                   const std::string& field) const;

private:
    std::map<std::string, std::int64_t> ids_;  // match key of code and of name -> id
    std::vector<std::string> codes_;
};

}  // namespace schoolctl::app
