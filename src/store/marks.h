#pragma once
// Marks given in lessons (table marks) and their history (mark_changes).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct MarkRow {
    std::int64_t id = 0;
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    std::string work_type;  // a work type's code
    int slot = 1;           // the n-th mark of this work type for the pupil in the lesson
    std::string value;      // canonical text: "5", "4/3", "зач"
    int points = 0;         // hundredths
    std::optional<int> second_points;
    std::string comment;
    std::optional<std::int64_t> author_id;  // account
    std::string source;                     // "marks.csv:14", "" by hand
    std::string created_at;
    std::string updated_at;
};

std::optional<MarkRow> find_mark(Database& db, std::int64_t mark_id);
// The mark at its key (lesson, pupil, work type, slot).
std::optional<MarkRow> find_mark_at(Database& db, std::int64_t lesson_id, std::int64_t pupil_id,
                                    const std::string& work_type, int slot);
// What an import compares a row with: the mark at a key, without the rest of its row.
struct MarkValue {
    std::int64_t id = 0;
    std::string value;
    std::string comment;
};
std::optional<MarkValue> mark_value_at(Database& db, std::int64_t lesson_id,
                                       std::int64_t pupil_id, const std::string& work_type,
                                       int slot);
// The first free slot of the work type for the pupil in the lesson.
int next_mark_slot(Database& db, std::int64_t lesson_id, std::int64_t pupil_id,
                   const std::string& work_type);
std::int64_t insert_mark(Database& db, const MarkRow& mark);
// The lessons that have any mark, in id order: an import looks for a mark already at a row's
// place only in these.
std::vector<std::int64_t> lessons_with_marks(Database& db);
// Writes value, points, second_points, comment, author_id, source and updated_at.
void update_mark(Database& db, const MarkRow& mark);
void delete_mark(Database& db, std::int64_t mark_id);

struct MarkChange {
    std::int64_t mark_id = 0;
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    std::string kind;  // correct | remove
    std::string old_value;
    std::string new_value;
    std::string reason;
    std::string at;
    std::optional<std::int64_t> account_id;
};
void insert_mark_change(Database& db, const MarkChange& change);
std::vector<MarkChange> mark_changes_of(Database& db, std::int64_t mark_id);

}  // namespace schoolctl::store
