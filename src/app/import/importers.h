#pragma once
// Every kind of roster file `schoolctl import` reads, in help order.
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "app/import/pipeline.h"

namespace schoolctl::app {

struct ImportKind {
    std::string name;     // the subcommand: "students"
    std::string summary;  // its help line
    std::function<std::unique_ptr<RowImporter>()> make;
};

const std::vector<ImportKind>& import_kinds();

}  // namespace schoolctl::app
