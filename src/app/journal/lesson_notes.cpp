#include "app/journal/lesson_notes.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "store/lesson_notes.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

namespace fs = std::filesystem;

struct FileFacts {
    std::string path;  // absolute
    std::int64_t size = 0;
    std::string sha256;
};

FileFacts file_facts(const std::string& given) {
    std::error_code ec;
    fs::path path = fs::absolute(given, ec);
    if (ec || !fs::exists(path, ec)) {
        throw Error(ExitCode::no_input, "--file " + given + ": no such file");
    }
    if (!fs::is_regular_file(path, ec)) {
        throw Error(ExitCode::no_input, "--file " + given + " is not a regular file");
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        throw Error(ExitCode::no_input, "--file " + given + ": cannot be read");
    }
    crypto::Sha256 hash;
    std::vector<char> buffer(1 << 20);
    std::int64_t size = 0;
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) ||
           in.gcount() > 0) {
        hash.update({buffer.data(), static_cast<std::size_t>(in.gcount())});
        size += in.gcount();
    }
    if (in.bad()) {
        throw Error(ExitCode::io, "--file " + given + ": read error");
    }
    return {path.lexically_normal().string(), size, hash.hex_digest()};
}

nlohmann::json note_json(const std::optional<store::LessonNoteRow>& n, bool homework) {
    if (!n) {
        return nullptr;
    }
    if (!homework) {
        return n->topic;
    }
    nlohmann::json j = {{"homework", n->homework}};
    if (n->file_path) {
        j["file"] = {{"path", *n->file_path},
                     {"size", n->file_size.value_or(0)},
                     {"sha256", n->file_sha256.value_or("")}};
    }
    return j;
}

enum class Part { topic, homework };

LessonNoteResult set_note(Session& session, const LessonNoteRequest& r, Part part) {
    std::optional<FileFacts> file;
    if (r.file) {
        file = file_facts(*r.file);
    }
    store::Transaction tx(session.db());
    JournalContext journal(session, r.page.date);
    LessonAt at = journal.describe(page_lesson(journal, r.page));
    session.require(domain::Permission::marks_write, journal.access(at), at.label);

    const auto before = store::find_lesson_note(session.db(), at.id);
    store::LessonNoteRow note = before.value_or(store::LessonNoteRow{});
    note.lesson_id = at.id;
    if (part == Part::topic) {
        note.topic = r.text;
    } else {
        note.homework = r.text;
        note.file_path = file ? std::optional(file->path) : std::nullopt;
        note.file_size = file ? std::optional(file->size) : std::nullopt;
        note.file_sha256 = file ? std::optional(file->sha256) : std::nullopt;
    }
    const bool same = before && before->topic == note.topic &&
                      before->homework == note.homework && before->file_path == note.file_path &&
                      before->file_size == note.file_size &&
                      before->file_sha256 == note.file_sha256;
    if (same || (!before && note.topic.empty() && note.homework.empty() && !note.file_path)) {
        return {at.label, false};
    }
    note.author_id = session.actor().account_id;
    note.updated_at = utc_iso_now();
    store::save_lesson_note(session.db(), note);
    const bool homework = part == Part::homework;
    session.audit(homework ? "lesson.homework" : "lesson.topic", "lesson", std::to_string(at.id),
                  {{"lesson", at.label},
                   {"old", note_json(before, homework)},
                   {"new", note_json(note, homework)}});
    tx.commit();
    return {at.label, true};
}

}  // namespace

LessonNoteResult set_lesson_topic(Session& session, const LessonNoteRequest& request) {
    if (request.file) {
        throw Error(ExitCode::usage, "--file goes with a homework, not a topic");
    }
    return set_note(session, request, Part::topic);
}

LessonNoteResult set_lesson_homework(Session& session, const LessonNoteRequest& request) {
    return set_note(session, request, Part::homework);
}

}  // namespace schoolctl::app
