#include "app/timetable_targets.h"

#include "store/groups.h"
#include "store/pupils.h"

namespace schoolctl::app {

TimetableTargets::TimetableTargets(store::Database& db, std::int64_t year_id) {
    for (const auto& c : store::list_classes(db, year_id)) {
        classes_[c.id] = TargetInfo{c.name(), c.grade, c.name(), c.id};
    }
    std::map<std::int64_t, store::GroupGrade> members;
    for (const auto& g : store::group_grades(db, year_id)) {
        members[g.group_id] = g;
    }
    for (const auto& g : store::list_groups(db, year_id)) {
        TargetInfo info{g.name, 0, "", g.class_id};
        if (const TargetInfo* klass = g.class_id ? of_class(*g.class_id) : nullptr) {
            info.grade = klass->grade;
            info.bell_class = klass->name;
        } else if (auto m = members.find(g.id); m != members.end()) {
            info.grade = m->second.grade;
            info.bell_class = m->second.class_name;
        }
        groups_[g.id] = std::move(info);
    }
}

const TargetInfo* TimetableTargets::of_class(std::int64_t class_id) const {
    auto it = classes_.find(class_id);
    return it == classes_.end() ? nullptr : &it->second;
}

const TargetInfo* TimetableTargets::of_group(std::int64_t group_id) const {
    auto it = groups_.find(group_id);
    return it == groups_.end() ? nullptr : &it->second;
}

namespace {

// A rule and its lessons are for a class or for a group.
template <typename Row>
const TargetInfo* target_of(const TimetableTargets& targets, const Row& row) {
    return row.class_id ? targets.of_class(*row.class_id)
                        : row.group_id ? targets.of_group(*row.group_id) : nullptr;
}

}  // namespace

const TargetInfo& TimetableTargets::of(const store::RuleRow& rule) const {
    const TargetInfo* t = target_of(*this, rule);
    return t != nullptr ? *t : unknown_;
}

const TargetInfo& TimetableTargets::of(const store::LessonView& lesson) const {
    const TargetInfo* t = target_of(*this, lesson);
    return t != nullptr ? *t : unknown_;
}

}  // namespace schoolctl::app
