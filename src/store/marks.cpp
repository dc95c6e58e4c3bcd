#include "store/marks.h"

namespace schoolctl::store {
namespace {

constexpr const char* mark_columns =
    "SELECT id, lesson_id, pupil_id, work_type, slot, value, points, second_points, comment, "
    "author_id, source, created_at, updated_at FROM marks ";

MarkRow read_mark(const Statement& st) {
    MarkRow m;
    m.id = st.get_int(0);
    m.lesson_id = st.get_int(1);
    m.pupil_id = st.get_int(2);
    m.work_type = st.get_text(3);
    m.slot = static_cast<int>(st.get_int(4));
    m.value = st.get_text(5);
    m.points = static_cast<int>(st.get_int(6));
    if (auto second = st.get_optional_int(7)) {
        m.second_points = static_cast<int>(*second);
    }
    m.comment = st.get_text(8);
    m.author_id = st.get_optional_int(9);
    m.source = st.get_text(10);
    m.created_at = st.get_text(11);
    m.updated_at = st.get_text(12);
    return m;
}

}  // namespace

std::optional<MarkRow> find_mark(Database& db, std::int64_t mark_id) {
    static const std::string sql = std::string(mark_columns) + "WHERE id = ?";
    auto st = db.cached(sql);
    st->bind(1, mark_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_mark(*st);
}

std::optional<MarkRow> find_mark_at(Database& db, std::int64_t lesson_id, std::int64_t pupil_id,
                                    const std::string& work_type, int slot) {
    static const std::string sql =
        std::string(mark_columns) +
        "WHERE lesson_id = ? AND pupil_id = ? AND work_type = ? AND slot = ?";
    auto st = db.cached(sql);
    st->bind_all(lesson_id, pupil_id, work_type, slot);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_mark(*st);
}

std::optional<MarkValue> mark_value_at(Database& db, std::int64_t lesson_id,
                                       std::int64_t pupil_id, const std::string& work_type,
                                       int slot) {
    auto st = db.cached(
        "SELECT id, value, comment FROM marks "
        "WHERE lesson_id = ? AND pupil_id = ? AND work_type = ? AND slot = ?");
    st->bind_all(lesson_id, pupil_id, work_type, slot);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return MarkValue{st->get_int(0), st->get_text(1), st->get_text(2)};
}

int next_mark_slot(Database& db, std::int64_t lesson_id, std::int64_t pupil_id,
                   const std::string& work_type) {
    auto st = db.cached(
        "SELECT coalesce(max(slot), 0) + 1 FROM marks "
        "WHERE lesson_id = ? AND pupil_id = ? AND work_type = ?");
    st->bind_all(lesson_id, pupil_id, work_type);
    st->step();
    return static_cast<int>(st->get_int(0));
}

std::int64_t insert_mark(Database& db, const MarkRow& m) {
    auto st = db.cached(
        "INSERT INTO marks(lesson_id, pupil_id, work_type, slot, value, points, second_points, "
        "comment, author_id, source, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(m.lesson_id, m.pupil_id, m.work_type, m.slot, m.value, m.points, m.second_points,
                 m.comment, m.author_id, m.source, m.created_at, m.updated_at);
    st->run();
    return db.last_insert_id();
}

std::vector<std::int64_t> lessons_with_marks(Database& db) {
    // Read from the index marks_key, which leads with lesson_id: no table row is touched.
    Statement st = db.prepare("SELECT DISTINCT lesson_id FROM marks ORDER BY lesson_id");
    std::vector<std::int64_t> out;
    while (st.step() == Step::row) {
        out.push_back(st.get_int(0));
    }
    return out;
}

void update_mark(Database& db, const MarkRow& m) {
    auto st = db.cached(
        "UPDATE marks SET value = ?, points = ?, second_points = ?, comment = ?, author_id = ?, "
        "source = ?, updated_at = ? WHERE id = ?");
    st->bind_all(m.value, m.points, m.second_points, m.comment, m.author_id, m.source,
                 m.updated_at, m.id);
    st->run();
}

void delete_mark(Database& db, std::int64_t mark_id) {
    auto st = db.cached("DELETE FROM marks WHERE id = ?");
    st->bind(1, mark_id);
    st->run();
}

void insert_mark_change(Database& db, const MarkChange& c) {
    auto st = db.cached(
        "INSERT INTO mark_changes(mark_id, lesson_id, pupil_id, kind, old_value, new_value, "
        "reason, at, account_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(c.mark_id, c.lesson_id, c.pupil_id, c.kind, c.old_value, c.new_value, c.reason,
                 c.at, c.account_id);
    st->run();
}

std::vector<MarkChange> mark_changes_of(Database& db, std::int64_t mark_id) {
    auto st = db.cached(
        "SELECT mark_id, lesson_id, pupil_id, kind, old_value, new_value, reason, at, account_id "
        "FROM mark_changes WHERE mark_id = ? ORDER BY id");
    st->bind(1, mark_id);
    std::vector<MarkChange> out;
    while (st->step() == Step::row) {
        out.push_back({st->get_int(0), st->get_int(1), st->get_int(2), st->get_text(3),
                       st->get_text(4), st->get_text(5), st->get_text(6), st->get_text(7),
                       st->get_optional_int(8)});
    }
    return out;
}

}  // namespace schoolctl::store
