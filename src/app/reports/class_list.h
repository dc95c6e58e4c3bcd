#pragma once
// The class list: pupils of each class, in Russian alphabetical order.
#include <optional>
#include <string>

#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

struct ClassListRequest {
    std::optional<std::string> class_name;  // «5А»; all classes when absent
    bool with_birth_dates = false;          // personal data only when the form needs it
};

report::Document build_class_list(Session& session, const ClassListRequest& request);

}  // namespace schoolctl::app
