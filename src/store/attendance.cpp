#include "store/attendance.h"

namespace schoolctl::store {
namespace {

AttendanceRow attendance_of(const Statement& st, int first) {
    AttendanceRow r;
    r.lesson_id = st.get_int(first);
    r.pupil_id = st.get_int(first + 1);
    r.code = st.get_text(first + 2);
    if (auto minutes = st.get_optional_int(first + 3)) {
        r.minutes_late = static_cast<int>(*minutes);
    }
    r.note = st.get_text(first + 4);
    r.author_id = st.get_optional_int(first + 5);
    r.source = st.get_text(first + 6);
    r.updated_at = st.get_text(first + 7);
    return r;
}

constexpr const char* entry_columns =
    "SELECT a.lesson_id, a.pupil_id, a.code, a.minutes_late, a.note, a.author_id, a.source, "
    "a.updated_at, l.date, l.lesson_no, r.class_id, r.group_id, s.id, s.code, s.name "
    "FROM attendance a JOIN lessons l ON l.id = a.lesson_id "
    "JOIN timetable_rules r ON r.id = l.rule_id JOIN subjects s ON s.id = r.subject_id ";

std::vector<AttendanceEntry> entries(Statement& st) {
    std::vector<AttendanceEntry> out;
    while (st.step() == Step::row) {
        AttendanceEntry e;
        e.row = attendance_of(st, 0);
        e.date = st.get_text(8);
        e.lesson_no = static_cast<int>(st.get_int(9));
        e.class_id = st.get_optional_int(10);
        e.group_id = st.get_optional_int(11);
        e.subject_id = st.get_int(12);
        e.subject_code = st.get_text(13);
        e.subject_name = st.get_text(14);
        out.push_back(std::move(e));
    }
    return out;
}

}  // namespace

std::optional<AttendanceRow> find_attendance(Database& db, std::int64_t lesson_id,
                                             std::int64_t pupil_id) {
    auto st = db.cached(
        "SELECT lesson_id, pupil_id, code, minutes_late, note, author_id, source, updated_at "
        "FROM attendance WHERE lesson_id = ? AND pupil_id = ?");
    st->bind_all(lesson_id, pupil_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return attendance_of(*st, 0);
}

void save_attendance(Database& db, const AttendanceRow& r) {
    auto st = db.cached(
        "INSERT INTO attendance(lesson_id, pupil_id, code, minutes_late, note, author_id, source, "
        "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lesson_id, pupil_id) DO UPDATE "
        "SET code = excluded.code, minutes_late = excluded.minutes_late, note = excluded.note, "
        "author_id = excluded.author_id, source = excluded.source, "
        "updated_at = excluded.updated_at");
    st->bind_all(r.lesson_id, r.pupil_id, r.code, r.minutes_late, r.note, r.author_id, r.source,
                 r.updated_at);
    st->run();
}

void delete_attendance(Database& db, std::int64_t lesson_id, std::int64_t pupil_id) {
    auto st = db.cached("DELETE FROM attendance WHERE lesson_id = ? AND pupil_id = ?");
    st->bind_all(lesson_id, pupil_id);
    st->run();
}

void insert_attendance_change(Database& db, const AttendanceChange& c) {
    auto st = db.cached(
        "INSERT INTO attendance_changes(lesson_id, pupil_id, old_code, new_code, reason, at, "
        "account_id) VALUES (?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(c.lesson_id, c.pupil_id, c.old_code, c.new_code, c.reason, c.at, c.account_id);
    st->run();
}

std::vector<AttendanceChange> attendance_changes_of(Database& db, std::int64_t lesson_id,
                                                    std::int64_t pupil_id) {
    Statement st = db.prepare(
        "SELECT lesson_id, pupil_id, old_code, new_code, reason, at, account_id "
        "FROM attendance_changes WHERE pupil_id = ? AND lesson_id = ? ORDER BY id");
    st.bind_all(pupil_id, lesson_id);
    std::vector<AttendanceChange> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_int(1), st.get_text(2), st.get_text(3),
                       st.get_text(4), st.get_text(5), st.get_optional_int(6)});
    }
    return out;
}

std::vector<AttendanceEntry> pupil_attendance(Database& db, std::int64_t pupil_id,
                                              const std::string& from, const std::string& to) {
    Statement st = db.prepare(std::string(entry_columns) +
                              "WHERE a.pupil_id = ? AND l.date BETWEEN ? AND ? "
                              "ORDER BY l.date, l.lesson_no, l.id");
    st.bind_all(pupil_id, from, to);
    return entries(st);
}

std::vector<AttendanceEntry> class_attendance(Database& db, std::int64_t class_id,
                                              const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        std::string(entry_columns) +
        "JOIN class_memberships m ON m.pupil_id = a.pupil_id AND m.class_id = ? "
        "AND l.date >= m.from_date AND (m.to_date IS NULL OR l.date <= m.to_date) "
        "WHERE l.date BETWEEN ? AND ? ORDER BY l.date, l.lesson_no, a.pupil_id, l.id");
    st.bind_all(class_id, from, to);
    return entries(st);
}

std::vector<AttendanceRow> lesson_attendance(Database& db, std::int64_t lesson_id) {
    Statement st = db.prepare(
        "SELECT lesson_id, pupil_id, code, minutes_late, note, author_id, source, updated_at "
        "FROM attendance WHERE lesson_id = ? ORDER BY pupil_id");
    st.bind_all(lesson_id);
    std::vector<AttendanceRow> out;
    while (st.step() == Step::row) {
        out.push_back(attendance_of(st, 0));
    }
    return out;
}

}  // namespace schoolctl::store
