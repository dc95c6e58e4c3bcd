#include "app/school_select.h"

#include "util/error.h"

namespace schoolctl::app {

store::SchoolRow select_school(store::Database& db, const std::optional<std::string>& selector) {
    auto schools = store::list_schools(db);
    if (schools.empty()) {
        throw Error(ExitCode::config, "database " + db.path().string() + " holds no school");
    }
    std::string names;
    for (const auto& s : schools) {
        names += "\n  " + std::to_string(s.id) + "  " + s.name;
    }
    if (!selector) {
        if (schools.size() == 1) {
            return schools.front();
        }
        throw Error(ExitCode::usage, "this database holds several schools; choose one with "
                                     "--school ID or SCHOOLCTL_SCHOOL:" + names);
    }
    for (const auto& s : schools) {
        if (std::to_string(s.id) == *selector || s.external_id == *selector ||
            s.name == *selector || s.short_name == *selector) {
            return s;
        }
    }
    throw Error(ExitCode::usage, "no school \"" + *selector + "\" in this database; it holds:" +
                                     names);
}

}  // namespace schoolctl::app
