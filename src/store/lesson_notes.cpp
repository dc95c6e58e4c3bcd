#include "store/lesson_notes.h"

namespace schoolctl::store {

std::optional<LessonNoteRow> find_lesson_note(Database& db, std::int64_t lesson_id) {
    Statement st = db.prepare(
        "SELECT lesson_id, topic, homework, file_path, file_size, file_sha256, author_id, "
        "updated_at FROM lesson_notes WHERE lesson_id = ?");
    st.bind_all(lesson_id);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return LessonNoteRow{st.get_int(0),           st.get_text(1),          st.get_text(2),
                         st.get_optional_text(3), st.get_optional_int(4),  st.get_optional_text(5),
                         st.get_optional_int(6),  st.get_text(7)};
}

void save_lesson_note(Database& db, const LessonNoteRow& n) {
    Statement st = db.prepare(
        "INSERT INTO lesson_notes(lesson_id, topic, homework, file_path, file_size, file_sha256, "
        "author_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (lesson_id) DO UPDATE "
        "SET topic = excluded.topic, homework = excluded.homework, file_path = excluded.file_path, "
        "file_size = excluded.file_size, file_sha256 = excluded.file_sha256, "
        "author_id = excluded.author_id, updated_at = excluded.updated_at");
    st.bind_all(n.lesson_id, n.topic, n.homework, n.file_path, n.file_size, n.file_sha256,
                n.author_id, n.updated_at);
    st.run();
}

}  // namespace schoolctl::store
