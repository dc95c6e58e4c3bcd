#include "store/groups.h"

namespace schoolctl::store {
namespace {

constexpr const char* current_pupil_columns =
    "SELECT u.person_id, m.class_id FROM pupils u JOIN people p ON p.id = u.person_id "
    "LEFT JOIN class_memberships m ON m.pupil_id = u.person_id AND m.to_date IS NULL "
    "WHERE p.school_id = ? AND u.left_on IS NULL ";

PupilRef read_ref(const Statement& st) { return {st.get_int(0), st.get_optional_int(1)}; }

}  // namespace

std::vector<GroupRow> list_groups(Database& db, std::int64_t year_id) {
    Statement st =
        db.prepare("SELECT id, name, class_id, kind FROM groups WHERE year_id = ? ORDER BY name");
    st.bind(1, year_id);
    std::vector<GroupRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), st.get_optional_int(2), st.get_text(3)});
    }
    return out;
}

std::int64_t insert_group(Database& db, std::int64_t year_id, const GroupRow& g) {
    auto st = db.cached("INSERT INTO groups(year_id, class_id, name, kind) VALUES (?, ?, ?, ?)");
    st->bind_all(year_id, g.class_id, g.name, g.kind);
    st->run();
    return db.last_insert_id();
}

void update_group(Database& db, const GroupRow& g) {
    auto st = db.cached("UPDATE groups SET class_id = ?, kind = ? WHERE id = ?");
    st->bind_all(g.class_id, g.kind, g.id);
    st->run();
}

std::vector<std::int64_t> group_members(Database& db, std::int64_t group_id) {
    auto st = db.cached(
        "SELECT pupil_id FROM group_memberships WHERE group_id = ? AND to_date IS NULL "
        "ORDER BY pupil_id");
    st->bind(1, group_id);
    std::vector<std::int64_t> out;
    while (st->step() == Step::row) {
        out.push_back(st->get_int(0));
    }
    return out;
}

void join_group(Database& db, std::int64_t group_id, std::int64_t pupil_id,
                const std::string& from) {
    // Back in a group left the same day: the ended membership is reopened, not duplicated.
    auto reopen = db.cached(
        "UPDATE group_memberships SET to_date = NULL "
        "WHERE group_id = ? AND pupil_id = ? AND from_date = ?");
    reopen->bind_all(group_id, pupil_id, from);
    reopen->run();
    if (db.changes() > 0) {
        return;
    }
    auto open = db.cached(
        "INSERT INTO group_memberships(group_id, pupil_id, from_date) VALUES (?, ?, ?)");
    open->bind_all(group_id, pupil_id, from);
    open->run();
}

void leave_group(Database& db, std::int64_t group_id, std::int64_t pupil_id,
                 const std::string& from) {
    auto drop = db.cached(
        "DELETE FROM group_memberships WHERE group_id = ? AND pupil_id = ? AND to_date IS NULL "
        "AND from_date >= ?");
    drop->bind_all(group_id, pupil_id, from);
    drop->run();
    auto close = db.cached(
        "UPDATE group_memberships SET to_date = date(?, '-1 day') "
        "WHERE group_id = ? AND pupil_id = ? AND to_date IS NULL");
    close->bind_all(from, group_id, pupil_id);
    close->run();
}

std::optional<PupilRef> find_current_pupil_by_external_id(Database& db, std::int64_t school_id,
                                                         const std::string& external_id) {
    static const std::string sql = std::string(current_pupil_columns) + "AND p.external_id = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_ref(*st);
}

std::vector<PupilRef> find_current_pupils_by_name(Database& db, std::int64_t school_id,
                                                  const std::string& match_key) {
    static const std::string sql = std::string(current_pupil_columns) + "AND p.match_key = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, match_key);
    std::vector<PupilRef> out;
    while (st->step() == Step::row) {
        out.push_back(read_ref(*st));
    }
    return out;
}

}  // namespace schoolctl::store
