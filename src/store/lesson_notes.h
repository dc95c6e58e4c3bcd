#pragma once
// What a lesson was about and what it set (table lesson_notes): its topic, its homework, and a
// file given with the homework.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace schoolctl::store {

struct LessonNoteRow {
    std::int64_t lesson_id = 0;
    std::string topic;
    std::string homework;
    std::optional<std::string> file_path;
    std::optional<std::int64_t> file_size;
    std::optional<std::string> file_sha256;
    std::optional<std::int64_t> author_id;  // account
    std::string updated_at;
};

std::optional<LessonNoteRow> find_lesson_note(Database& db, std::int64_t lesson_id);
// Inserts the note, or overwrites the lesson's note.
void save_lesson_note(Database& db, const LessonNoteRow& note);

}  // namespace schoolctl::store
