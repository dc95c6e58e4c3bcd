#include "app/import/staff_resolver.h"

#include "domain/person_name.h"
#include "store/staff.h"

namespace schoolctl::app {

std::variant<std::int64_t, RowProblem> resolve_staff(ImportRun& run, const std::string& text,
                                                     const std::string& field) {
    std::int64_t school = run.session.school_id();
    if (auto by_id = store::find_staff_by_external_id(run.db(), school, text)) {
        return by_id->person_id;
    }
    auto by_name = store::find_staff_by_name(run.db(), school, domain::match_key(text),
                                             std::nullopt);
    if (by_name.size() == 1) {
        return by_name.front().person_id;
    }
    if (by_name.size() > 1) {
        return RowProblem{field, "\"" + text + "\": " + std::to_string(by_name.size()) +
                                     " staff members have this name; give the staff id"};
    }
    return RowProblem{field, "\"" + text + "\" is neither the id nor the full name of a staff "
                                           "member (import staff first)"};
}

}  // namespace schoolctl::app
