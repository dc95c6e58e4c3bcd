#include "store/final_marks.h"

#include <algorithm>
#include <map>
#include <string_view>

namespace schoolctl::store {
namespace {

// The filters of a scope, as SQL over a pupil column and a subject column. Parameters ?1–?3 are
// the year and the dates; ?4–?6 are the class, the pupil and the subject, bound by bind_scope
// only when the scope has them.
std::string scope_sql(const FinalsScope& s, const std::string& pupil, const std::string& subject) {
    std::string sql;
    if (s.class_id) {
        sql += " AND " + pupil +
               " IN (SELECT x.pupil_id FROM class_memberships x WHERE x.class_id = ?4 "
               "AND x.from_date <= ?3 AND (x.to_date IS NULL OR x.to_date >= ?2))";
    }
    if (s.pupil_id) {
        sql += " AND " + pupil + " = ?5";
    }
    if (s.subject_id && !subject.empty()) {
        sql += " AND " + subject + " = ?6";
    }
    return sql;
}

void bind_scope(Statement& st, std::int64_t year_id, const std::string& from,
                const std::string& to, const FinalsScope& s, bool with_subject) {
    st.bind_all(year_id, from, to);
    if (s.class_id) {
        st.bind(4, *s.class_id);
    }
    if (s.pupil_id) {
        st.bind(5, *s.pupil_id);
    }
    if (s.subject_id && with_subject) {
        st.bind(6, *s.subject_id);
    }
}

constexpr const char* final_columns =
    "SELECT year_id, pupil_id, subject_id, period, marks_count, weighted_sum, weight_sum, mean, "
    "computed, reason, computed_at, override, override_by, override_at, override_reason, final "
    "FROM final_marks ";

FinalMarkRow final_row(const Statement& st) {
    FinalMarkRow r;
    r.key = {st.get_int(0), st.get_int(1), st.get_int(2), st.get_text(3)};
    r.computed.marks_count = static_cast<int>(st.get_int(4));
    r.computed.weighted_sum = st.get_int(5);
    r.computed.weight_sum = st.get_int(6);
    if (auto mean = st.get_optional_int(7)) {
        r.computed.mean = static_cast<int>(*mean);
    }
    r.computed.computed = st.get_text(8);
    r.computed.reason = st.get_text(9);
    r.computed_at = st.get_optional_text(10);
    r.override_value = st.get_optional_text(11);
    r.override_by = st.get_optional_int(12);
    r.override_at = st.get_optional_text(13);
    r.override_reason = st.get_text(14);
    r.final_value = st.get_text(15);
    return r;
}

// The marks with their lessons' dates and subjects, as both scans below select them, and the
// reader of one row of that selection.
constexpr std::string_view period_mark_select =
    "SELECT m.pupil_id, r.subject_id, m.id, l.date, l.lesson_no, m.work_type, m.value, "
    "m.points, m.second_points FROM lessons l "
    "JOIN timetable_rules r ON r.id = l.rule_id "
    "JOIN marks m ON m.lesson_id = l.id ";

void read_period_mark(const Statement& st, PeriodMarkRow& row) {
    row.pupil_id = st.get_int(0);
    row.subject_id = st.get_int(1);
    row.mark_id = st.get_int(2);
    row.date = st.get_text(3);
    row.lesson_no = static_cast<int>(st.get_int(4));
    row.work_type = st.get_text(5);
    row.value = st.get_text(6);
    row.points = static_cast<int>(st.get_int(7));
    row.second_points.reset();
    if (auto second = st.get_optional_int(8)) {
        row.second_points = static_cast<int>(*second);
    }
}

}  // namespace

std::vector<PeriodPupil> period_pupils(Database& db, std::int64_t year_id, const std::string& from,
                                       const std::string& to, const FinalsScope& scope) {
    Statement st = db.prepare(
        "SELECT cm.pupil_id, c.id, c.grade, c.letter, p.last_name, p.first_name, p.middle_name, "
        "coalesce(p.external_id, '') FROM class_memberships cm "
        "JOIN classes c ON c.id = cm.class_id AND c.year_id = ?1 "
        "JOIN people p ON p.id = cm.pupil_id "
        "WHERE cm.from_date <= ?3 AND (cm.to_date IS NULL OR cm.to_date >= ?2)" +
        scope_sql(scope, "cm.pupil_id", "") + " ORDER BY cm.pupil_id, cm.from_date, cm.id");
    bind_scope(st, year_id, from, to, scope, false);
    std::vector<PeriodPupil> out;
    while (st.step() == Step::row) {
        PeriodPupil p{st.get_int(0),
                      st.get_int(1),
                      static_cast<int>(st.get_int(2)),
                      std::to_string(st.get_int(2)) + st.get_text(3),
                      {st.get_text(4), st.get_text(5), st.get_text(6)},
                      st.get_text(7)};
        // Rows come by start date: a later membership of the same pupil replaces the earlier.
        if (!out.empty() && out.back().pupil_id == p.pupil_id) {
            out.back() = std::move(p);
        } else {
            out.push_back(std::move(p));
        }
    }
    return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> period_subject_pairs(
    Database& db, std::int64_t year_id, const std::string& from, const std::string& to,
    const FinalsScope& scope) {
    // The rules of the dates and the memberships of the dates are read apart and matched here:
    // joined in SQL, a group's memberships have no usable index by group (the index on them
    // is partial), and SQLite scanned the year's rules once per membership.
    struct RuleSpan {
        std::int64_t subject_id = 0;
        std::string from;
        std::string to;
    };
    std::map<std::pair<bool, std::int64_t>, std::vector<RuleSpan>> rules;  // (group?, target)
    {
        Statement st = db.prepare(
            std::string("SELECT class_id, group_id, subject_id, valid_from, valid_to "
                        "FROM timetable_rules WHERE year_id = ?1 AND valid_from <= ?3 "
                        "AND valid_to >= ?2") +
            (scope.subject_id ? " AND subject_id = ?4" : ""));
        st.bind_all(year_id, from, to);
        if (scope.subject_id) {
            st.bind(4, *scope.subject_id);
        }
        while (st.step() == Step::row) {
            auto group = st.get_optional_int(1);
            rules[{group.has_value(), group ? *group : st.get_int(0)}].push_back(
                {st.get_int(2), st.get_text(3), st.get_text(4)});
        }
    }
    FinalsScope members = scope;
    members.subject_id.reset();
    std::vector<std::pair<std::int64_t, std::int64_t>> out;
    for (bool group : {false, true}) {
        std::string sql =
            group ? "SELECT m.pupil_id, m.group_id, m.from_date, m.to_date FROM group_memberships m "
                    "JOIN groups t ON t.id = m.group_id AND t.year_id = ?1 "
                  : "SELECT m.pupil_id, m.class_id, m.from_date, m.to_date FROM class_memberships m "
                    "JOIN classes t ON t.id = m.class_id AND t.year_id = ?1 ";
        Statement st = db.prepare(sql +
                                  "WHERE m.from_date <= ?3 AND (m.to_date IS NULL OR "
                                  "m.to_date >= ?2)" + scope_sql(members, "m.pupil_id", ""));
        bind_scope(st, year_id, from, to, members, false);
        while (st.step() == Step::row) {
            auto it = rules.find({group, st.get_int(1)});
            if (it == rules.end()) {
                continue;
            }
            std::string joined = st.get_text(2);
            std::string left = st.get_optional_text(3).value_or(to);
            for (const auto& rule : it->second) {
                // Both lie inside the dates; they must also share a day with each other.
                if (rule.from <= left && rule.to >= joined) {
                    out.emplace_back(st.get_int(0), rule.subject_id);
                }
            }
        }
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

void for_each_period_mark(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to, const FinalsScope& scope,
                          const std::function<void(const PeriodMarkRow&)>& visit) {
    // Driven by the lessons of the dates (index lessons_date), each lesson's marks through the
    // marks' unique key, which starts with the lesson. The unary plus keeps SQLite from starting
    // at the rules of the year instead, which reads every lesson of the year to keep a quarter's.
    Statement st = db.prepare(
        std::string(period_mark_select) +
        "WHERE +r.year_id = ?1 AND l.date BETWEEN ?2 AND ?3" +
        scope_sql(scope, "m.pupil_id", "r.subject_id") +
        " ORDER BY m.pupil_id, r.subject_id, l.date, l.lesson_no, m.id");
    bind_scope(st, year_id, from, to, scope, true);
    PeriodMarkRow row;
    while (st.step() == Step::row) {
        read_period_mark(st, row);
        visit(row);
    }
}

void for_each_mark_between(Database& db, std::int64_t year_id, const std::string& from,
                           const std::string& to,
                           const std::function<void(const PeriodMarkRow&)>& visit) {
    // As for_each_period_mark: driven by the lessons of the dates, without its ORDER BY.
    Statement st = db.prepare(std::string(period_mark_select) +
                              "WHERE +r.year_id = ?1 AND l.date BETWEEN ?2 AND ?3");
    st.bind(1, year_id).bind(2, from).bind(3, to);
    PeriodMarkRow row;
    while (st.step() == Step::row) {
        read_period_mark(st, row);
        visit(row);
    }
}

std::vector<FinalMarkRow> final_marks_of(Database& db, std::int64_t year_id,
                                         const std::string& period) {
    Statement st = db.prepare(std::string(final_columns) + "WHERE year_id = ?1" +
                              (period.empty() ? "" : " AND period = ?2") +
                              " ORDER BY pupil_id, subject_id, period");
    st.bind(1, year_id);
    if (!period.empty()) {
        st.bind(2, period);
    }
    std::vector<FinalMarkRow> out;
    while (st.step() == Step::row) {
        out.push_back(final_row(st));
    }
    return out;
}

std::optional<FinalMarkRow> find_final_mark(Database& db, const FinalMarkKey& k) {
    auto st = db.cached(std::string(final_columns) +
                        "WHERE year_id = ? AND pupil_id = ? AND subject_id = ? AND period = ?");
    st->bind_all(k.year_id, k.pupil_id, k.subject_id, k.period);
    if (st->step() != Step::row) {
        return std::nullopt;
    }
    return final_row(*st);
}

void write_computed(Database& db, const FinalMarkKey& k, const ComputedMark& m,
                    const std::string& now) {
    auto st = db.cached(
        "INSERT INTO final_marks(year_id, pupil_id, subject_id, period, marks_count, "
        "weighted_sum, weight_sum, mean, computed, reason, computed_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (year_id, pupil_id, subject_id, period) DO UPDATE SET "
        "marks_count = excluded.marks_count, weighted_sum = excluded.weighted_sum, "
        "weight_sum = excluded.weight_sum, mean = excluded.mean, computed = excluded.computed, "
        "reason = excluded.reason, computed_at = excluded.computed_at");
    st->bind_all(k.year_id, k.pupil_id, k.subject_id, k.period, m.marks_count, m.weighted_sum,
                 m.weight_sum, m.mean, m.computed, m.reason, now);
    st->run();
}

void write_override(Database& db, const FinalMarkKey& k, const std::optional<std::string>& value,
                    std::optional<std::int64_t> by, const std::string& at,
                    const std::string& reason) {
    auto st = db.cached(
        "INSERT INTO final_marks(year_id, pupil_id, subject_id, period, override, override_by, "
        "override_at, override_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (year_id, pupil_id, subject_id, period) DO UPDATE SET "
        "override = excluded.override, override_by = excluded.override_by, "
        "override_at = excluded.override_at, override_reason = excluded.override_reason");
    if (value) {
        st->bind_all(k.year_id, k.pupil_id, k.subject_id, k.period, *value, by, at, reason);
    } else {
        // A cleared override leaves no trace in the row; the audit log keeps who cleared it.
        st->bind_all(k.year_id, k.pupil_id, k.subject_id, k.period, std::optional<std::string>{},
                     std::optional<std::int64_t>{}, std::optional<std::string>{}, std::string{});
    }
    st->run();
}

void delete_final_mark(Database& db, const FinalMarkKey& k) {
    auto st = db.cached(
        "DELETE FROM final_marks WHERE year_id = ? AND pupil_id = ? AND subject_id = ? AND "
        "period = ?");
    st->bind_all(k.year_id, k.pupil_id, k.subject_id, k.period);
    st->run();
}

}  // namespace schoolctl::store
