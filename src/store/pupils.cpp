#include "store/pupils.h"

namespace schoolctl::store {
namespace {

constexpr const char* pupil_columns =
    "SELECT p.id, p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id, "
    "p.match_key, m.class_id, coalesce(c.grade || c.letter, ''), u.left_on, u.family_key "
    "FROM pupils u JOIN people p ON p.id = u.person_id "
    "LEFT JOIN class_memberships m ON m.pupil_id = u.person_id AND m.to_date IS NULL "
    "LEFT JOIN classes c ON c.id = m.class_id ";

PupilRow read_pupil(const Statement& st) {
    PupilRow r;
    r.person_id = st.get_int(0);
    r.person = {st.get_text(1),          st.get_text(2),          st.get_text(3),
                st.get_optional_text(4), st.get_optional_text(5), st.get_text(6)};
    r.class_id = st.get_optional_int(7);
    r.class_name = st.get_text(8);
    r.left_on = st.get_optional_text(9);
    r.family_key = st.get_optional_text(10);
    return r;
}

}  // namespace

std::optional<std::int64_t> find_class(Database& db, std::int64_t year_id, int grade,
                                       const std::string& letter) {
    auto st = db.cached("SELECT id FROM classes WHERE year_id = ? AND grade = ? AND letter = ?");
    st->bind_all(year_id, grade, letter);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return st->get_int(0);
}

std::int64_t insert_class(Database& db, std::int64_t year_id, int grade,
                          const std::string& letter) {
    auto st = db.cached("INSERT INTO classes(year_id, grade, letter) VALUES (?, ?, ?)");
    st->bind_all(year_id, grade, letter);
    st->run();
    return db.last_insert_id();
}

std::optional<PupilRow> find_pupil_by_external_id(Database& db, std::int64_t school_id,
                                                  const std::string& external_id) {
    static const std::string sql =
        std::string(pupil_columns) + "WHERE p.school_id = ? AND p.external_id = ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, external_id);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return read_pupil(*st);
}

std::vector<PupilRow> find_pupils_by_natural_key(Database& db, std::int64_t school_id,
                                                 const std::string& match_key,
                                                 const std::optional<std::string>& birth_date) {
    static const std::string sql = std::string(pupil_columns) +
                                   "WHERE p.school_id = ? AND p.match_key = ? AND p.birth_date IS ?";
    auto st = db.cached(sql);
    st->bind_all(school_id, match_key, birth_date);
    std::vector<PupilRow> out;
    while (st->step() == Step::row) {
        out.push_back(read_pupil(*st));
    }
    return out;
}

void for_each_pupil_natural_key(
    Database& db, std::int64_t school_id,
    const std::function<void(std::string_view, std::optional<std::string_view>)>& visit) {
    Statement st = db.prepare(
        "SELECT p.match_key, p.birth_date FROM pupils u JOIN people p ON p.id = u.person_id "
        "WHERE p.school_id = ?");
    st.bind(1, school_id);
    while (st.step() == Step::row) {
        std::string key = st.get_text(0);
        std::optional<std::string> born = st.get_optional_text(1);
        visit(key, born ? std::optional<std::string_view>(*born) : std::nullopt);
    }
}

std::int64_t insert_pupil(Database& db, std::int64_t school_id, const PersonFields& p,
                          const std::string& now) {
    std::int64_t id = insert_person(db, school_id, p, now);
    add_pupil_role(db, id);
    return id;
}

void add_pupil_role(Database& db, std::int64_t person_id) {
    auto st = db.cached("INSERT INTO pupils(person_id) VALUES (?)");
    st->bind(1, person_id);
    st->run();
}

void set_family_key(Database& db, std::int64_t pupil_id, const std::optional<std::string>& key) {
    auto st = db.cached("UPDATE pupils SET family_key = ? WHERE person_id = ?");
    st->bind_all(key, pupil_id);
    st->run();
}

void readmit_pupil(Database& db, std::int64_t pupil_id) {
    auto st = db.cached("UPDATE pupils SET left_on = NULL, left_reason = NULL WHERE person_id = ?");
    st->bind(1, pupil_id);
    st->run();
}

void pupil_left(Database& db, std::int64_t pupil_id, const std::string& left_on) {
    auto mark = db.cached("UPDATE pupils SET left_on = ? WHERE person_id = ?");
    mark->bind_all(left_on, pupil_id);
    mark->run();
    auto drop = db.cached(
        "DELETE FROM class_memberships WHERE pupil_id = ? AND to_date IS NULL AND from_date >= ?");
    drop->bind_all(pupil_id, left_on);
    drop->run();
    auto close = db.cached(
        "UPDATE class_memberships SET to_date = date(?, '-1 day') "
        "WHERE pupil_id = ? AND to_date IS NULL");
    close->bind_all(left_on, pupil_id);
    close->run();
    end_group_memberships(db, pupil_id, left_on, std::nullopt);
}

void end_group_memberships(Database& db, std::int64_t pupil_id, const std::string& from,
                           std::optional<std::int64_t> keep_class) {
    // With `keep_class`, only the subgroups of other classes: a pupil moving from 5А to 5Б
    // leaves 5А's English half but not the school's chess elective.
    static const std::string which =
        " WHERE pupil_id = ?1 AND to_date IS NULL AND (?3 IS NULL OR group_id IN "
        "(SELECT id FROM groups WHERE kind = 'subgroup' AND class_id IS NOT ?3))";
    auto drop = db.cached("DELETE FROM group_memberships" + which + " AND from_date >= ?2");
    drop->bind_all(pupil_id, from, keep_class);
    drop->run();
    auto close =
        db.cached("UPDATE group_memberships SET to_date = date(?2, '-1 day')" + which);
    close->bind_all(pupil_id, from, keep_class);
    close->run();
}

std::vector<std::int64_t> current_pupils(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT u.person_id FROM pupils u JOIN people p ON p.id = u.person_id "
        "WHERE p.school_id = ? AND u.left_on IS NULL ORDER BY u.person_id");
    st.bind(1, school_id);
    std::vector<std::int64_t> out;
    while (st.step() == Step::row) {
        out.push_back(st.get_int(0));
    }
    return out;
}

std::vector<ClassRow> list_classes(Database& db, std::int64_t year_id) {
    Statement st = db.prepare(
        "SELECT id, grade, letter, class_teacher_id FROM classes WHERE year_id = ? "
        "ORDER BY grade, letter");
    st.bind(1, year_id);
    std::vector<ClassRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), static_cast<int>(st.get_int(1)), st.get_text(2),
                       st.get_optional_int(3)});
    }
    return out;
}

void set_class_teacher(Database& db, std::int64_t class_id, std::optional<std::int64_t> staff_id) {
    auto st = db.cached("UPDATE classes SET class_teacher_id = ? WHERE id = ?");
    st->bind_all(staff_id, class_id);
    st->run();
}

void move_to_class(Database& db, std::int64_t pupil_id, std::int64_t class_id,
                   const std::string& from) {
    // Every membership ends before `from`: one starting on or after it is dropped (a move made
    // and undone the same day, or a pupil back after a sync marked them as left), one running
    // past it is cut short.
    auto drop = db.cached("DELETE FROM class_memberships WHERE pupil_id = ? AND from_date >= ?");
    drop->bind_all(pupil_id, from);
    drop->run();
    auto close = db.cached(
        "UPDATE class_memberships SET to_date = date(?1, '-1 day') "
        "WHERE pupil_id = ?2 AND (to_date IS NULL OR to_date >= ?1)");
    close->bind_all(from, pupil_id);
    close->run();
    end_group_memberships(db, pupil_id, from, class_id);
    start_in_class(db, pupil_id, class_id, from);
}

void start_in_class(Database& db, std::int64_t pupil_id, std::int64_t class_id,
                    const std::string& from) {
    auto open = db.cached(
        "INSERT INTO class_memberships(pupil_id, class_id, from_date) VALUES (?, ?, ?)");
    open->bind_all(pupil_id, class_id, from);
    open->run();
}

std::vector<ClassListRow> class_list(Database& db, std::int64_t year_id, const std::string& on,
                                     std::optional<int> grade, std::optional<std::string> letter) {
    Statement st = db.prepare(
        "SELECT c.grade, c.letter, "
        "coalesce(t.last_name || ' ' || t.first_name || "
        "         CASE WHEN t.middle_name = '' THEN '' ELSE ' ' || t.middle_name END, ''), "
        "p.last_name, p.first_name, p.middle_name, p.birth_date, p.external_id, p.match_key "
        "FROM classes c "
        "JOIN class_memberships m ON m.class_id = c.id AND m.from_date <= ?2 "
        "     AND (m.to_date IS NULL OR m.to_date >= ?2) "
        "JOIN pupils u ON u.person_id = m.pupil_id "
        "JOIN people p ON p.id = u.person_id "
        "LEFT JOIN people t ON t.id = c.class_teacher_id "
        "WHERE c.year_id = ?1 AND (u.left_on IS NULL OR u.left_on > ?2) "
        "AND (?3 IS NULL OR c.grade = ?3) AND (?4 IS NULL OR c.letter = ?4) "
        "ORDER BY c.grade, c.letter");
    st.bind_all(year_id, on, grade, letter);
    std::vector<ClassListRow> out;
    while (st.step() == Step::row) {
        ClassListRow r;
        r.grade = static_cast<int>(st.get_int(0));
        r.letter = st.get_text(1);
        r.class_teacher = st.get_text(2);
        r.person = {st.get_text(3),          st.get_text(4),          st.get_text(5),
                    st.get_optional_text(6), st.get_optional_text(7), st.get_text(8)};
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace schoolctl::store
