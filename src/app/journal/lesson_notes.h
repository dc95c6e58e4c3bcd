#pragma once
// What a lesson was about and what it set: `lesson topic` and `lesson homework` on a page of the
// teacher's journal. Homework may come with a file: its path, size and SHA-256 are recorded
// (the file itself stays where it is), so a file changed afterwards is noticed. Topics and
// homework planned ahead are allowed. Permission marks.write on the lesson (the teacher's
// journal); every change is an audit row with old → new.
#include <optional>
#include <string>

#include "app/journal/journal_page.h"
#include "app/session.h"

namespace schoolctl::app {

struct LessonNoteRequest {
    PageQuery page;
    std::string text;                 // "" clears it
    std::optional<std::string> file;  // homework only: replaces the file; none without it
};

struct LessonNoteResult {
    std::string lesson;  // «5А, MATH, урок 1, 17.11.2026»
    bool changed = false;
};

// Exit 64/65 as page_lesson(); 66 for a homework file that is missing or not a regular file;
// 77 without the permission.
LessonNoteResult set_lesson_topic(Session& session, const LessonNoteRequest& request);
LessonNoteResult set_lesson_homework(Session& session, const LessonNoteRequest& request);

}  // namespace schoolctl::app
