#pragma once
// Class names in import files («5 А», «5-а», «5"А"» all mean 5А) resolved to the classes of the
// current academic year, with "did you mean" for a class the year does not have.
#include <cstdint>
#include <map>
#include <string>
#include <variant>

#include "app/import/pipeline.h"
#include "domain/class_name.h"

namespace schoolctl::app {

enum class MissingClass { create, reject };

class ClassResolver {
public:
    // Loads the year's classes once.
    explicit ClassResolver(ImportRun& run);

    // The class id; with MissingClass::create a class the year lacks comes back as its name,
    // to be made by create() once nothing else can reject the row (a rejected row's writes
    // roll back, and the resolver must not remember a class that is gone).
    std::variant<std::int64_t, domain::ClassName, RowProblem> resolve(ImportRun& run,
                                                                      const std::string& text,
                                                                      const std::string& field,
                                                                      MissingClass missing);
    // Makes the class (audited). A pupils file counts it under "new classes"; for a classes
    // file it is simply a created row.
    enum class Tally { new_classes, row };
    std::int64_t create(ImportRun& run, const domain::ClassName& name,
                        Tally tally = Tally::new_classes);
    // Whether the year had any class before this import: a pupils file creates the classes
    // of a first load, and after that an unknown class is a typo to reject.
    bool year_had_classes() const { return had_classes_; }
    // "5А" for a class id the resolver returned.
    const std::string& name(std::int64_t id) const { return names_.at(id); }

private:
    std::map<std::string, std::int64_t> ids_;  // "5А" -> id
    std::map<std::int64_t, std::string> names_;
    bool had_classes_ = false;
};

}  // namespace schoolctl::app
