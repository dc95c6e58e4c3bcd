#pragma once
// The staff of a generated school and who teaches what: the administration, a class teacher for
// each primary class who teaches it most subjects, subject teachers with at most a full load
// each (a teacher keeps a parallel), a class teacher for every class, and a room per teacher.
#include "app/sample/names.h"
#include "app/sample/random.h"
#include "app/sample/roster.h"

#include <map>
#include <string>
#include <tuple>
#include <vector>

namespace schoolctl::app::sample {

struct StaffMember {
    std::string id; // T-0001
    Name name;
    std::string position;              // «Учитель математики»
    std::vector<std::string> subjects; // codes, sorted
};

struct Teacher {
    int staff = 0;    // index into TeachingLoad::staff
    std::string pool; // the subject group they teach: MATH, or "primary"
    bool male = false;
    int load = 0;     // lessons a week
    std::string room; // the room they teach in: «204», «Спортзал 1»
};

struct TeachingLoad {
    std::vector<StaffMember> staff;
    std::vector<Teacher> teachers;
    std::vector<int> class_teacher; // per class: a teacher index
    // (class, subject, lane) → teacher index; lane 0 is the whole class, 1 and 2 the subgroups.
    std::map<std::tuple<int, int, int>, int> who;
    // Per class: the teacher who takes over its PE on 11.01.2027, or -1. Every 20th class has
    // one, so the timetable has rows valid only before or after a date.
    std::vector<int> pe_after;
};

// The lanes a subject is taught in to a class: {0}, or {1, 2} when the class has the subgroups.
std::vector<int> lanes(const Roster& roster, int klass, int subject);

// At most `max_load` lessons a week per subject teacher.
TeachingLoad make_teaching_load(Random& rng, const Roster& roster, const std::string& id_prefix,
                                int max_load = 22);

} // namespace schoolctl::app::sample
