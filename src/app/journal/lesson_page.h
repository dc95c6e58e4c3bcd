#pragma once
// `lesson show`: one lesson as the journal has it: when and who gave it, its topic, its homework
// (and the file given with it), who was absent or late, and the remarks made at it. Permission
// marks.read and attendance.read on the lesson.
#include "app/journal/journal_page.h"
#include "app/session.h"
#include "report/document.h"

namespace schoolctl::app {

// Exit 64/65 as page_lesson(); 77 without the permissions.
report::Document lesson_page(Session& session, const PageQuery& query);

}  // namespace schoolctl::app
