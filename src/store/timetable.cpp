#include "store/timetable.h"

namespace schoolctl::store {
namespace {

constexpr const char* rule_columns =
    "id, year_id, class_id, group_id, subject_id, teacher_id, room, weekday, lesson_no, "
    "periodicity, valid_from, valid_to, source";

RuleRow rule_of(const Statement& st) {
    RuleRow r;
    r.id = st.get_int(0);
    r.year_id = st.get_int(1);
    r.class_id = st.get_optional_int(2);
    r.group_id = st.get_optional_int(3);
    r.subject_id = st.get_int(4);
    r.teacher_id = st.get_int(5);
    r.room = st.get_text(6);
    r.weekday = static_cast<int>(st.get_int(7));
    r.lesson_no = static_cast<int>(st.get_int(8));
    r.periodicity = st.get_text(9);
    r.valid_from = st.get_text(10);
    r.valid_to = st.get_text(11);
    r.source = st.get_text(12);
    return r;
}

}  // namespace

std::vector<RuleRow> list_rules(Database& db, std::int64_t year_id) {
    Statement st = db.prepare(std::string{"SELECT "} + rule_columns +
                              " FROM timetable_rules WHERE year_id = ? ORDER BY id");
    st.bind_all(year_id);
    std::vector<RuleRow> out;
    while (st.step() == Step::row) {
        out.push_back(rule_of(st));
    }
    return out;
}

std::optional<RuleRow> find_rule(Database& db, const RuleRow& key) {
    auto st = db.cached(
        "SELECT id, year_id, class_id, group_id, subject_id, teacher_id, room, weekday, "
        "lesson_no, periodicity, valid_from, valid_to, source FROM timetable_rules "
        "WHERE year_id = ? AND class_id IS ? AND group_id IS ? AND weekday = ? AND lesson_no = ? "
        "AND subject_id = ? AND periodicity = ? AND valid_from = ?");
    st->bind_all(key.year_id, key.class_id, key.group_id, key.weekday, key.lesson_no,
                 key.subject_id, key.periodicity, key.valid_from);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return rule_of(*st);
}

std::optional<RuleRow> find_rule_by_id(Database& db, std::int64_t rule_id) {
    Statement st = db.prepare(std::string{"SELECT "} + rule_columns +
                              " FROM timetable_rules WHERE id = ?");
    st.bind_all(rule_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return rule_of(st);
}

std::int64_t insert_rule(Database& db, const RuleRow& r, const std::string& now) {
    auto st = db.cached(
        "INSERT INTO timetable_rules(year_id, class_id, group_id, subject_id, teacher_id, room, "
        "weekday, lesson_no, periodicity, valid_from, valid_to, source, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    st->bind_all(r.year_id, r.class_id, r.group_id, r.subject_id, r.teacher_id, r.room, r.weekday,
                 r.lesson_no, r.periodicity, r.valid_from, r.valid_to, r.source, now, now);
    st->run();
    return db.last_insert_id();
}

void update_rule(Database& db, const RuleRow& r, const std::string& now) {
    auto st = db.cached(
        "UPDATE timetable_rules SET teacher_id = ?, room = ?, valid_to = ?, source = ?, "
        "updated_at = ? WHERE id = ?");
    st->bind_all(r.teacher_id, r.room, r.valid_to, r.source, now, r.id);
    st->run();
}

std::vector<GroupGrade> group_grades(Database& db, std::int64_t year_id) {
    Statement st = db.prepare(
        "SELECT gm.group_id, max(c.grade), min(c.grade || c.letter) FROM group_memberships gm "
        "JOIN groups g ON g.id = gm.group_id AND g.year_id = ?1 "
        "JOIN class_memberships cm ON cm.pupil_id = gm.pupil_id AND cm.to_date IS NULL "
        "JOIN classes c ON c.id = cm.class_id AND c.year_id = ?1 "
        "WHERE gm.to_date IS NULL GROUP BY gm.group_id");
    st.bind(1, year_id);
    std::vector<GroupGrade> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), st.get_text(2)});
    }
    return out;
}

std::vector<LessonRow> lessons_by_rule_date(Database& db, std::int64_t year_id,
                                            const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        // Driven by the rules' ids in order, so UNIQUE(rule_id, rule_date) returns the lessons
        // already sorted: no temporary B-tree for 85,000 rows.
        "SELECT l.id, l.rule_id, l.rule_date, l.date, l.lesson_no, l.teacher_id, l.room, "
        "l.substitute_id, l.status FROM lessons l "
        "WHERE l.rule_id IN (SELECT id FROM timetable_rules WHERE year_id = ?) "
        "AND l.rule_date BETWEEN ? AND ? ORDER BY l.rule_id, l.rule_date");
    st.bind_all(year_id, from, to);
    std::vector<LessonRow> out;
    while (st.step() == Step::row) {
        LessonRow l;
        l.id = st.get_int(0);
        l.rule_id = st.get_int(1);
        l.rule_date = st.get_text(2);
        l.date = st.get_text(3);
        l.lesson_no = static_cast<int>(st.get_int(4));
        l.teacher_id = st.get_int(5);
        l.room = st.get_text(6);
        l.substitute_id = st.get_optional_int(7);
        l.status = st.get_text(8);
        out.push_back(std::move(l));
    }
    return out;
}

std::vector<std::int64_t> lessons_in_use(Database& db, std::int64_t year_id,
                                         const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        // A lesson changed by hand, or one the journal holds anything of: marks, absences, its
        // topic and homework, a remark. Driven by the window's lessons, each probed through an
        // index that leads with lesson_id; the changes and remarks, which are few and have no
        // such index, are read once.
        "SELECT l.id FROM lessons l "
        "WHERE l.rule_id IN (SELECT id FROM timetable_rules WHERE year_id = ?) "
        "AND l.rule_date BETWEEN ? AND ? "
        "AND (l.id IN (SELECT lesson_id FROM lesson_changes) "
        "     OR EXISTS (SELECT 1 FROM marks m WHERE m.lesson_id = l.id) "
        "     OR EXISTS (SELECT 1 FROM attendance a WHERE a.lesson_id = l.id) "
        "     OR EXISTS (SELECT 1 FROM lesson_notes n WHERE n.lesson_id = l.id) "
        "     OR l.id IN (SELECT lesson_id FROM remarks WHERE lesson_id IS NOT NULL)) "
        "ORDER BY l.id");
    st.bind_all(year_id, from, to);
    std::vector<std::int64_t> out;
    while (st.step() == Step::row) {
        out.push_back(st.get_int(0));
    }
    return out;
}

void insert_lesson(Database& db, const LessonRow& l) {
    auto st = db.cached(
        "INSERT INTO lessons(rule_id, rule_date, date, lesson_no, teacher_id, room) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    st->bind_all(l.rule_id, l.rule_date, l.date, l.lesson_no, l.teacher_id, l.room);
    st->run();
}

void update_lesson_plan(Database& db, const LessonRow& l) {
    auto st = db.cached("UPDATE lessons SET lesson_no = ?, teacher_id = ?, room = ? WHERE id = ?");
    st->bind_all(l.lesson_no, l.teacher_id, l.room, l.id);
    st->run();
}

void delete_lesson(Database& db, std::int64_t lesson_id) {
    auto st = db.cached("DELETE FROM lessons WHERE id = ?");
    st->bind_all(lesson_id);
    st->run();
}

namespace {

std::vector<std::pair<std::int64_t, std::int64_t>> pairs(Database& db, const char* sql,
                                                         std::int64_t year_id) {
    Statement st = db.prepare(sql);
    st.bind_all(year_id);
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    while (st.step() == Step::row) {
        out.emplace_back(st.get_int(0), st.get_int(1));
    }
    return out;
}

}  // namespace

std::vector<std::pair<std::int64_t, std::int64_t>> current_class_members(Database& db,
                                                                         std::int64_t year_id) {
    return pairs(db,
                 "SELECT m.class_id, m.pupil_id FROM class_memberships m JOIN classes c ON "
                 "c.id = m.class_id WHERE c.year_id = ? AND m.to_date IS NULL",
                 year_id);
}

std::vector<std::pair<std::int64_t, std::int64_t>> current_group_members(Database& db,
                                                                         std::int64_t year_id) {
    return pairs(db,
                 "SELECT m.group_id, m.pupil_id FROM group_memberships m JOIN groups g ON "
                 "g.id = m.group_id WHERE g.year_id = ? AND m.to_date IS NULL",
                 year_id);
}

std::vector<std::pair<std::int64_t, std::string>> latest_change_reasons(Database& db,
                                                                        std::int64_t year_id,
                                                                        const std::string& from,
                                                                        const std::string& to) {
    Statement st = db.prepare(
        "SELECT c.lesson_id, c.reason FROM lesson_changes c JOIN lessons l ON l.id = c.lesson_id "
        "JOIN timetable_rules r ON r.id = l.rule_id WHERE r.year_id = ? AND l.date BETWEEN ? AND ? "
        "AND c.id = (SELECT max(id) FROM lesson_changes WHERE lesson_id = c.lesson_id)");
    st.bind_all(year_id, from, to);
    std::vector<std::pair<std::int64_t, std::string>> out;
    while (st.step() == Step::row) {
        out.emplace_back(st.get_int(0), st.get_text(1));
    }
    return out;
}

void update_lesson_state(Database& db, const LessonState& st_) {
    Statement st = db.prepare(
        "UPDATE lessons SET date = ?, lesson_no = ?, room = ?, substitute_id = ?, status = ? "
        "WHERE id = ?");
    st.bind_all(st_.date, st_.lesson_no, st_.room, st_.substitute_id, st_.status, st_.id);
    st.run();
}

void insert_lesson_change(Database& db, const LessonChange& c) {
    Statement st = db.prepare(
        "INSERT INTO lesson_changes(lesson_id, kind, at, account_id, before, after, reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)");
    st.bind_all(c.lesson_id, c.kind, c.at, c.account_id, c.before, c.after, c.reason);
    st.run();
}

std::vector<LessonView> lessons_between(Database& db, std::int64_t year_id,
                                        const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        "SELECT l.id, l.rule_id, l.rule_date, l.date, l.lesson_no, l.status, r.class_id, "
        "r.group_id, g.class_id, r.subject_id, s.code, s.name, l.teacher_id, t.last_name, "
        "t.first_name, t.middle_name, l.substitute_id, coalesce(u.last_name, ''), "
        "coalesce(u.first_name, ''), coalesce(u.middle_name, ''), l.room "
        "FROM lessons l JOIN timetable_rules r ON r.id = l.rule_id "
        "JOIN subjects s ON s.id = r.subject_id JOIN people t ON t.id = l.teacher_id "
        "LEFT JOIN people u ON u.id = l.substitute_id LEFT JOIN groups g ON g.id = r.group_id "
        "WHERE r.year_id = ? AND l.date BETWEEN ? AND ? ORDER BY l.date, l.lesson_no, l.id");
    st.bind_all(year_id, from, to);
    std::vector<LessonView> out;
    while (st.step() == Step::row) {
        LessonView v;
        v.id = st.get_int(0);
        v.rule_id = st.get_int(1);
        v.rule_date = st.get_text(2);
        v.date = st.get_text(3);
        v.lesson_no = static_cast<int>(st.get_int(4));
        v.status = st.get_text(5);
        v.class_id = st.get_optional_int(6);
        v.group_id = st.get_optional_int(7);
        v.group_class_id = st.get_optional_int(8);
        v.subject_id = st.get_int(9);
        v.subject_code = st.get_text(10);
        v.subject_name = st.get_text(11);
        v.teacher_id = st.get_int(12);
        v.teacher = {st.get_text(13), st.get_text(14), st.get_text(15)};
        v.substitute_id = st.get_optional_int(16);
        v.substitute = {st.get_text(17), st.get_text(18), st.get_text(19)};
        v.room = st.get_text(20);
        out.push_back(std::move(v));
    }
    return out;
}

LessonTally tally_lessons(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to) {
    Statement st = db.prepare(
        "SELECT count(*), coalesce(max(l.id), 0), "
        "(SELECT count(*) FROM lesson_changes c JOIN lessons m ON m.id = c.lesson_id "
        " JOIN timetable_rules q ON q.id = m.rule_id WHERE q.year_id = ?1) "
        "FROM lessons l WHERE l.rule_id IN (SELECT id FROM timetable_rules WHERE year_id = ?1) "
        "AND l.rule_date BETWEEN ?2 AND ?3");
    st.bind(1, year_id);
    st.bind(2, from);
    st.bind(3, to);
    st.step();
    return {st.get_int(0), st.get_int(1), st.get_int(2)};
}

std::optional<std::string> schedule_digest(Database& db, std::int64_t year_id,
                                           const std::string& from, const std::string& to) {
    Statement st = db.prepare(
        "SELECT digest FROM schedule_runs WHERE year_id = ? AND from_date = ? AND to_date = ?");
    st.bind_all(year_id, from, to);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return st.get_text(0);
}

void save_schedule_digest(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to, const std::string& digest,
                          const std::string& now) {
    db.prepare(
          "INSERT INTO schedule_runs(year_id, from_date, to_date, digest, at) VALUES (?, ?, ?, ?, ?) "
          "ON CONFLICT (year_id, from_date, to_date) DO UPDATE SET digest = excluded.digest, "
          "at = excluded.at")
        .bind_all(year_id, from, to, digest, now)
        .run();
}

}  // namespace schoolctl::store
