#include "app/class_select.h"

#include <algorithm>
#include <variant>

#include "domain/class_name.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {

ClassRef select_class(Session& session, const std::string& text) {
    auto parsed = domain::parse_class_name(text);
    if (auto* reason = std::get_if<std::string>(&parsed)) {
        throw Error(ExitCode::usage, "--class \"" + text + "\": " + *reason);
    }
    const auto& name = std::get<domain::ClassName>(parsed);
    std::string today = today_iso();
    auto year = store::current_year(session.db(), session.school_id(), today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year");
    }
    auto id = store::find_class(session.db(), year->id, name.grade, name.letter);
    std::string display = std::to_string(name.grade) + name.letter;
    if (!id) {
        throw Error(ExitCode::data, "there is no class " + display + " in " + year->name +
                                        " at " + session.school_name());
    }
    return {*id, display, name.grade};
}

domain::Target class_target(const Session& session, const ClassRef& klass) {
    domain::Target t = session.school_target();
    t.class_id = klass.id;
    return t;
}

}  // namespace schoolctl::app
