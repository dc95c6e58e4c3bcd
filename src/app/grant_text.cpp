#include "app/grant_text.h"

#include "store/names.h"

namespace schoolctl::app {
namespace {

std::string or_id(const std::optional<std::string>& name, const char* what, std::int64_t id) {
    return name ? *name : std::string(what) + " #" + std::to_string(id);
}

std::string class_or_group(store::Database& db, const domain::Grant& g) {
    if (g.group_id) {
        return "group " + or_id(store::group_name(db, *g.group_id), "group", *g.group_id);
    }
    if (g.class_id) {
        return or_id(store::class_name(db, *g.class_id), "class", *g.class_id);
    }
    return "?";
}

}  // namespace

std::string describe_scope(store::Database& db, const domain::Grant& g) {
    switch (g.scope) {
    case domain::Scope::all:
        return "all schools";
    case domain::Scope::school:
        return "school " + or_id(store::school_name(db, g.school_id.value_or(0)), "school",
                                 g.school_id.value_or(0));
    case domain::Scope::school_class:
        return g.group_id ? class_or_group(db, g) : "class " + class_or_group(db, g);
    case domain::Scope::subject:
        return or_id(store::subject_name(db, g.subject_id.value_or(0)), "subject",
                     g.subject_id.value_or(0)) +
               " in " + class_or_group(db, g);
    case domain::Scope::child: {
        auto name = store::person_name(db, g.pupil_id.value_or(0));
        return "child " + (name ? domain::full_name(*name)
                                : "#" + std::to_string(g.pupil_id.value_or(0)));
    }
    }
    return "?";
}

}  // namespace schoolctl::app
