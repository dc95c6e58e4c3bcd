#pragma once
// Groups of a year (a subgroup of one class, a stream or an elective mixing classes) and the
// pupils in them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct GroupRow {
    std::int64_t id = 0;
    std::string name;
    std::optional<std::int64_t> class_id;  // the class a subgroup is part of
    std::string kind;                      // subgroup | stream | elective
};

std::vector<GroupRow> list_groups(Database& db, std::int64_t year_id);
std::int64_t insert_group(Database& db, std::int64_t year_id, const GroupRow& group);
void update_group(Database& db, const GroupRow& group);

// The pupils whose membership of the group is open, in id order.
std::vector<std::int64_t> group_members(Database& db, std::int64_t group_id);
void join_group(Database& db, std::int64_t group_id, std::int64_t pupil_id,
                const std::string& from);
// The membership ends before `from` (one that began on or after `from` never took effect and
// is dropped).
void leave_group(Database& db, std::int64_t group_id, std::int64_t pupil_id,
                 const std::string& from);

// A pupil as a group list names them: by id or by full name, with the class they are in now.
struct PupilRef {
    std::int64_t person_id = 0;
    std::optional<std::int64_t> class_id;
};

// Pupils of the school who have not left, by external id or by the name's match key.
std::optional<PupilRef> find_current_pupil_by_external_id(Database& db, std::int64_t school_id,
                                                         const std::string& external_id);
std::vector<PupilRef> find_current_pupils_by_name(Database& db, std::int64_t school_id,
                                                  const std::string& match_key);

}  // namespace schoolctl::store
