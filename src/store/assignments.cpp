#include "store/assignments.h"

namespace schoolctl::store {

std::optional<std::int64_t> find_assignment(Database& db, const AssignmentKey& key) {
    auto st = db.cached(
        "SELECT id FROM teaching_assignments WHERE staff_id = ? AND subject_id = ? "
        "AND class_id IS ? AND group_id IS ?");
    st->bind_all(key.staff_id, key.subject_id, key.class_id, key.group_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return st->get_int(0);
}

std::int64_t insert_assignment(Database& db, const AssignmentKey& key) {
    auto st = db.cached(
        "INSERT INTO teaching_assignments(staff_id, subject_id, class_id, group_id) "
        "VALUES (?, ?, ?, ?)");
    st->bind_all(key.staff_id, key.subject_id, key.class_id, key.group_id);
    st->run();
    return db.last_insert_id();
}

}  // namespace schoolctl::store
