#include "app/journal/lesson_page.h"

#include <algorithm>

#include "app/journal/attendance_entry.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/attendance.h"
#include "store/lesson_notes.h"
#include "store/pupil_lookup.h"
#include "store/remarks.h"
#include "util/clock.h"

namespace schoolctl::app {
namespace {

using report::Align;
using report::Cell;

std::string pupil_name(Session& s, std::int64_t pupil_id) {
    auto match = store::find_pupil_match(s.db(), s.school_id(), pupil_id);
    return match ? domain::full_name(match->name) : "?";
}

}  // namespace

report::Document lesson_page(Session& s, const PageQuery& query) {
    JournalContext journal(s, query.date);
    store::LessonView lesson = page_lesson(journal, query);
    LessonAt at = journal.describe(lesson);
    s.require(domain::Permission::marks_read, journal.access(at), at.label);
    s.require(domain::Permission::attendance_read, journal.access(at), at.label);

    report::Document doc;
    doc.kind = "lesson";
    doc.title = "Урок";
    doc.school = s.school_name();
    doc.generated = format_moscow(now_seconds());
    const store::SubjectRow* subject = journal.subject_by_id(lesson.subject_id);
    doc.meta = {{"Урок", at.label},
                {"Предмет", subject != nullptr ? subject->name : lesson.subject_code},
                {"Учитель", domain::full_name(lesson.teaching()) +
                                (lesson.substitute_id
                                     ? " (замена; по расписанию " +
                                           domain::short_name(lesson.teacher) + ")"
                                     : "")}};
    if (!lesson.room.empty()) {
        doc.meta.push_back({"Кабинет", lesson.room});
    }
    auto note = store::find_lesson_note(s.db(), at.id);
    doc.meta.push_back({"Тема", note && !note->topic.empty() ? note->topic : "—"});
    doc.meta.push_back({"Домашнее задание", note && !note->homework.empty() ? note->homework : "—"});
    if (note && note->file_path) {
        doc.meta.push_back({"Файл", *note->file_path + " (" +
                                        std::to_string(note->file_size.value_or(0)) +
                                        " байт, SHA-256 " + note->file_sha256.value_or("") + ")"});
    }

    const auto& labels = s.settings().absence_labels;
    report::Section absent;
    absent.key = "Отсутствовали";
    absent.heading = "Отсутствовали и опоздали";
    absent.table.columns = {{"Ученик", 30, Align::left}, {"Отметка", 8, Align::center},
                            {"Минуты", 7, Align::right}, {"Примечание", 24, Align::left}};
    for (const auto& a : store::lesson_attendance(s.db(), at.id)) {
        absent.table.rows.push_back(
            {pupil_name(s, a.pupil_id),
             attendance_label(domain::absence_from_name(a.code), labels),
             a.minutes_late ? Cell(static_cast<std::int64_t>(*a.minutes_late)) : Cell(), a.note});
    }
    const auto& collator = domain::RussianCollator::instance();
    std::stable_sort(absent.table.rows.begin(), absent.table.rows.end(),
                     [&](const auto& a, const auto& b) {
                         return collator.less(std::get<std::string>(a[0]),
                                              std::get<std::string>(b[0]));
                     });
    if (absent.table.rows.empty()) {
        absent.notes.push_back("Присутствовали все.");
    }
    doc.sections.push_back(std::move(absent));

    auto remarks = store::lesson_remarks(s.db(), at.id);
    if (!remarks.empty()) {
        report::Section section;
        section.key = "Замечания";
        section.heading = "Замечания";
        section.table.columns = {{"Ученик", 30, Align::left}, {"Замечание", 50, Align::left}};
        for (const auto& r : remarks) {
            section.table.rows.push_back({pupil_name(s, r.pupil_id), r.text});
        }
        doc.sections.push_back(std::move(section));
    }
    return doc;
}

}  // namespace schoolctl::app
