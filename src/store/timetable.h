#pragma once
// Timetable rules of an academic year and the dated lessons they expand into.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

struct RuleRow {
    std::int64_t id = 0;
    std::int64_t year_id = 0;
    std::optional<std::int64_t> class_id;  // exactly one of class_id and group_id
    std::optional<std::int64_t> group_id;
    std::int64_t subject_id = 0;
    std::int64_t teacher_id = 0;
    std::string room;
    int weekday = 1;
    int lesson_no = 1;
    std::string periodicity = "weekly";  // domain::format_periodicity's canonical text
    std::string valid_from;              // ISO
    std::string valid_to;
    std::string source;  // where it came from: "timetable.csv:14"
};

std::vector<RuleRow> list_rules(Database& db, std::int64_t year_id);

// The rule with the same target, slot, subject, periodicity and start, if there is one: what a
// timetable file names again when it is imported again.
std::optional<RuleRow> find_rule(Database& db, const RuleRow& key);

std::optional<RuleRow> find_rule_by_id(Database& db, std::int64_t rule_id);

std::int64_t insert_rule(Database& db, const RuleRow& rule, const std::string& now);
// Writes teacher, room, valid_to and source.
void update_rule(Database& db, const RuleRow& rule, const std::string& now);

// For each group of the year with members: the highest grade of the classes its current
// members are in, and the first of those classes by name (a stream's bells follow it).
struct GroupGrade {
    std::int64_t group_id = 0;
    int grade = 0;
    std::string class_name;
};
std::vector<GroupGrade> group_grades(Database& db, std::int64_t year_id);

struct LessonRow {
    std::int64_t id = 0;
    std::int64_t rule_id = 0;
    std::string rule_date;  // the date the rule gave: with rule_id, the lesson's key
    std::string date;       // where it is now (a moved lesson differs)
    int lesson_no = 0;
    std::int64_t teacher_id = 0;  // as planned
    std::string room;
    std::optional<std::int64_t> substitute_id;
    std::string status = "scheduled";  // or "cancelled"
};

// The year's lessons whose key date lies in [from, to], ordered by rule and date.
std::vector<LessonRow> lessons_by_rule_date(Database& db, std::int64_t year_id,
                                            const std::string& from, const std::string& to);

// The lessons of the window that something depends on: a change made by hand (a substitution,
// a cancellation, a move), or the journal's marks, absences, topic and homework, or remarks.
// Such a lesson is never deleted by expanding the timetable again.
std::vector<std::int64_t> lessons_in_use(Database& db, std::int64_t year_id,
                                         const std::string& from, const std::string& to);

void insert_lesson(Database& db, const LessonRow& lesson);
// Writes lesson_no, teacher_id and room (what follows the rule).
void update_lesson_plan(Database& db, const LessonRow& lesson);
void delete_lesson(Database& db, std::int64_t lesson_id);

// What a change by hand writes: where the lesson is, who teaches it, whether it happens.
struct LessonState {
    std::int64_t id = 0;
    std::string date;
    int lesson_no = 0;
    std::string room;
    std::optional<std::int64_t> substitute_id;
    std::string status = "scheduled";
};
void update_lesson_state(Database& db, const LessonState& state);

struct LessonChange {
    std::int64_t lesson_id = 0;
    std::string kind;  // substitute | cancel | move | restore
    std::string at;
    std::optional<std::int64_t> account_id;
    std::string before;  // JSON
    std::string after;   // JSON
    std::string reason;
};
void insert_lesson_change(Database& db, const LessonChange& change);

// Who is in which class and group now: (class or group id, pupil id) pairs.
std::vector<std::pair<std::int64_t, std::int64_t>> current_class_members(Database& db,
                                                                         std::int64_t year_id);
std::vector<std::pair<std::int64_t, std::int64_t>> current_group_members(Database& db,
                                                                         std::int64_t year_id);

// The reason given with the latest change of each lesson of the year dated in [from, to].
std::vector<std::pair<std::int64_t, std::string>> latest_change_reasons(Database& db,
                                                                        std::int64_t year_id,
                                                                        const std::string& from,
                                                                        const std::string& to);

// What the lessons of a window look like in a few numbers: how many, the highest id, and how
// many changes by hand they have had. Part of the digest that lets a generate with nothing to do
// stop early.
struct LessonTally {
    std::int64_t lessons = 0;
    std::int64_t max_id = 0;
    std::int64_t changes = 0;
};
LessonTally tally_lessons(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to);

std::optional<std::string> schedule_digest(Database& db, std::int64_t year_id,
                                           const std::string& from, const std::string& to);
void save_schedule_digest(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to, const std::string& digest,
                          const std::string& now);

// A lesson as people read it: for whom, what, who teaches it and where.
struct LessonView {
    std::int64_t id = 0;
    std::int64_t rule_id = 0;
    std::string rule_date;
    std::string date;
    int lesson_no = 0;
    std::string status;
    std::optional<std::int64_t> class_id;  // the rule's class
    std::optional<std::int64_t> group_id;  // or group
    std::optional<std::int64_t> group_class_id;  // a subgroup's class
    std::int64_t subject_id = 0;
    std::string subject_code;
    std::string subject_name;
    std::int64_t teacher_id = 0;  // as planned
    domain::PersonName teacher;
    std::optional<std::int64_t> substitute_id;
    domain::PersonName substitute;  // empty without a substitute
    std::string room;

    // Who gives the lesson: the substitute when there is one.
    std::int64_t teaching_id() const { return substitute_id.value_or(teacher_id); }
    const domain::PersonName& teaching() const { return substitute_id ? substitute : teacher; }
    // The class the lesson is for, or the class its subgroup is part of; 0 for a stream.
    std::int64_t class_family() const { return class_id.value_or(group_class_id.value_or(0)); }
};

// The year's lessons dated in [from, to] (where they are now), by date and lesson number.
std::vector<LessonView> lessons_between(Database& db, std::int64_t year_id,
                                        const std::string& from, const std::string& to);

}  // namespace schoolctl::store
