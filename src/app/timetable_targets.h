#pragma once
// Whom a timetable rule is for, by name and grade: a class, a subgroup of a class, or a stream
// mixing classes. The grade decides the study days and the week length; the class name and
// grade decide the bells.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/database.h"
#include "store/timetable.h"

namespace schoolctl::app {

struct TargetInfo {
    std::string name;        // «5А», «5А англ. 1», «Шахматы»
    int grade = 0;           // 0 for a stream with no members yet
    std::string bell_class;  // the class whose bells it follows: «5А»
    std::optional<std::int64_t> class_id;  // the class, or the class a subgroup is part of
};

class TimetableTargets {
public:
    TimetableTargets(store::Database& db, std::int64_t year_id);

    const TargetInfo* of_class(std::int64_t class_id) const;
    const TargetInfo* of_group(std::int64_t group_id) const;
    const TargetInfo& of(const store::RuleRow& rule) const;
    const TargetInfo& of(const store::LessonView& lesson) const;

private:
    std::map<std::int64_t, TargetInfo> classes_;
    std::map<std::int64_t, TargetInfo> groups_;
    TargetInfo unknown_;
};

}  // namespace schoolctl::app
