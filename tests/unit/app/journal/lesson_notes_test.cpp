// A lesson's topic and homework (with a file's path, size and SHA-256), remarks about pupils,
// and the lesson's page: each checked against the lesson and the teacher's permission.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/journal/attendance_entry.h"
#include "app/journal/lesson_notes.h"
#include "app/journal/lesson_page.h"
#include "app/journal/remarks.h"
#include "journal_school.h"
#include "pinned_clock.h"
#include "store/lesson_notes.h"
#include "store/remarks.h"
#include "support/exit_code.h"
#include "util/crypto.h"

using namespace schoolctl;
using test::day;

namespace {

std::int64_t count(store::Database& db, const std::string& sql) {
    store::Statement st = db.prepare(sql);
    st.step();
    return st.get_int(0);
}

// 5А mathematics on 17.11 (№1) and twice on 19.11 (№2, №4); English in 5А's subgroup and
// Russian for 5Б on 17.11.
struct Notes : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    std::int64_t m17 = 0, m19a = 0, m19b = 0, e17 = 0, r17 = 0;
    Notes() {
        m17 = lesson(c5a, std::nullopt, math, "2026-11-17", 1);
        m19a = lesson(c5a, std::nullopt, math, "2026-11-19", 2);
        m19b = lesson(c5a, std::nullopt, math, "2026-11-19", 4);
        e17 = lesson(std::nullopt, english1, eng, "2026-11-17", 2);
        r17 = lesson(c5b, std::nullopt, rus, "2026-11-17", 3);
    }
    static app::LessonNoteRequest note(const char* klass, const char* subject, const char* date,
                                       const char* text) {
        app::LessonNoteRequest r;
        r.page.class_name = klass;
        r.page.subject = subject;
        r.page.date = day(date);
        r.text = text;
        return r;
    }
    ExitCode refused(const std::function<void()>& f) { return test::exit_code_of(f); }
};

}  // namespace

TEST_CASE("a topic is set, set again unchanged, and audited", "[app][lesson]") {
    Notes s;
    auto r = app::set_lesson_topic(*s.session, Notes::note("5А", "MATH", "17.11.2026",
                                                           "Сложение дробей"));
    CHECK(r.lesson == "5А, MATH, урок 1, 17.11.2026");
    CHECK(r.changed);
    CHECK(store::find_lesson_note(s.db(), s.m17)->topic == "Сложение дробей");
    CHECK_FALSE(app::set_lesson_topic(*s.session, Notes::note("5А", "Математика", "17.11.2026",
                                                              "Сложение дробей"))
                    .changed);
    // Planned ahead, at the second lesson of the day.
    auto ahead = Notes::note("5А", "MATH", "19.11.2026", "Вычитание дробей");
    CHECK(s.refused([&] { app::set_lesson_topic(*s.session, ahead); }) == ExitCode::data);
    ahead.page.lesson_no = 4;
    app::set_lesson_topic(*s.session, ahead);
    CHECK(store::find_lesson_note(s.db(), s.m19b)->topic == "Вычитание дробей");
    CHECK(count(s.db(), "SELECT count(*) FROM audit_log WHERE action = 'lesson.topic'") == 2);
}

TEST_CASE("homework records its file's path, size and SHA-256", "[app][lesson]") {
    Notes s;
    auto file = s.dir / "worksheet.txt";
    std::ofstream(file) << "№ 245, 247";
    auto r = Notes::note("5А", "MATH", "17.11.2026", "№ 245, 247");
    r.file = file.string();
    app::set_lesson_homework(*s.session, r);
    auto stored = store::find_lesson_note(s.db(), s.m17);
    REQUIRE(stored);
    CHECK(stored->homework == "№ 245, 247");
    CHECK(stored->file_path == file.string());
    CHECK(stored->file_size == static_cast<std::int64_t>(std::string("№ 245, 247").size()));
    CHECK(stored->file_sha256 == crypto::sha256_hex("№ 245, 247"));
    CHECK_FALSE(app::set_lesson_homework(*s.session, r).changed);
    // The file changed: noticed.
    std::ofstream(file) << "№ 245, 247, 250";
    CHECK(app::set_lesson_homework(*s.session, r).changed);

    r.file = (s.dir / "missing.pdf").string();
    CHECK(s.refused([&] { app::set_lesson_homework(*s.session, r); }) == ExitCode::no_input);
    r.file = s.dir.path().string();
    CHECK(s.refused([&] { app::set_lesson_homework(*s.session, r); }) == ExitCode::no_input);
    auto topic_with_file = Notes::note("5А", "MATH", "17.11.2026", "x");
    topic_with_file.file = file.string();
    CHECK(s.refused([&] { app::set_lesson_topic(*s.session, topic_with_file); }) ==
          ExitCode::usage);
}

TEST_CASE("a lesson is named by its class or group, subject and day", "[app][lesson]") {
    Notes s;
    // The subgroup's English is the class's lesson too.
    app::set_lesson_topic(*s.session, Notes::note("5А", "ENG", "17.11.2026", "Present Simple"));
    CHECK(store::find_lesson_note(s.db(), s.e17)->topic == "Present Simple");
    auto by_group = Notes::note("5А", "ENG", "17.11.2026", "Past Simple");
    by_group.page.class_name.reset();
    by_group.page.group = "5а АНГЛ. 1";
    app::set_lesson_topic(*s.session, by_group);
    CHECK(store::find_lesson_note(s.db(), s.e17)->topic == "Past Simple");

    auto data = [&](app::LessonNoteRequest r) {
        return s.refused([&] { app::set_lesson_topic(*s.session, r); });
    };
    CHECK(data(Notes::note("5А", "MATH", "18.11.2026", "x")) == ExitCode::data);  // no lesson
    CHECK(data(Notes::note("5А", "RUS", "17.11.2026", "x")) == ExitCode::data);   // 5Б's
    CHECK(data(Notes::note("5В", "MATH", "17.11.2026", "x")) == ExitCode::data);
    CHECK(data(Notes::note("5А", "ХИМ", "17.11.2026", "x")) == ExitCode::data);
    CHECK(data(Notes::note("5А", "MATH", "01.08.2026", "x")) == ExitCode::data);
    auto neither = Notes::note("5А", "MATH", "17.11.2026", "x");
    neither.page.class_name.reset();
    CHECK(data(neither) == ExitCode::usage);
    auto cancelled = Notes::note("5А", "MATH", "17.11.2026", "x");
    s.set_state(s.m17, "2026-11-17", 1, "cancelled");
    CHECK(data(cancelled) == ExitCode::data);
}

TEST_CASE("a teacher writes in their own journal only", "[app][lesson]") {
    Notes s;
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    app::set_lesson_topic(*s.session, Notes::note("5А", "MATH", "17.11.2026", "Дроби"));
    CHECK(s.refused([&] {
        app::set_lesson_topic(*s.session, Notes::note("5А", "ENG", "17.11.2026", "x"));
    }) == ExitCode::no_permission);
    app::RemarkRequest about{"S-2", day("17.11.2026"), "MATH", std::nullopt, "Отлично у доски"};
    app::add_remark(*s.session, about);
    about.subject.reset();
    CHECK(s.refused([&] { app::add_remark(*s.session, about); }) == ExitCode::no_permission);
}

TEST_CASE("a remark is on a day or at the pupil's lesson", "[app][lesson]") {
    Notes s;
    auto day_remark = app::add_remark(
        *s.session, {"Борисов Пётр", day("16.11.2026"), std::nullopt, std::nullopt,
                     "  Забыл   форму "});
    CHECK(day_remark.where == "16.11.2026");
    auto at_lesson = app::add_remark(
        *s.session, {"S-2", day("17.11.2026"), "ENG", std::nullopt, "Отлично выступил"});
    CHECK(at_lesson.where == "5А англ. 1, ENG, урок 2, 17.11.2026");
    auto remarks = store::pupil_remarks(s.db(), s.borisov, "2026-11-01", "2026-11-30");
    REQUIRE(remarks.size() == 2);
    CHECK(remarks[0].text == "Забыл форму");
    CHECK_FALSE(remarks[0].lesson_id);
    CHECK(remarks[1].lesson_id == s.e17);

    auto refused = [&](app::RemarkRequest r) {
        return s.refused([&] { app::add_remark(*s.session, r); });
    };
    CHECK(refused({"S-2", day("17.11.2026"), std::nullopt, std::nullopt, " "}) ==
          ExitCode::usage);
    CHECK(refused({"S-2", day("17.11.2026"), std::nullopt, 2, "x"}) == ExitCode::usage);
    CHECK(refused({"S-2", day("18.11.2026"), std::nullopt, std::nullopt, "x"}) ==
          ExitCode::data);
    CHECK(refused({"S-1", day("17.11.2026"), "ENG", std::nullopt, "x"}) == ExitCode::data);
    CHECK(count(s.db(), "SELECT count(*) FROM audit_log WHERE action = 'lesson.remark'") == 2);
}

TEST_CASE("a lesson's page shows its topic, homework, absences and remarks", "[app][lesson]") {
    Notes s;
    app::set_lesson_topic(*s.session, Notes::note("5А", "MATH", "17.11.2026", "Дроби"));
    app::MarkRequest absent;
    absent.pupil = "S-2";
    absent.subject = "MATH";
    absent.date = day("17.11.2026");
    absent.code = "Б";
    app::mark_attendance(*s.session, absent);
    app::add_remark(*s.session, {"S-2", day("17.11.2026"), "MATH", std::nullopt, "Молодец"});
    app::PageQuery q{"5А", std::nullopt, "MATH", day("17.11.2026"), std::nullopt};
    auto doc = app::lesson_page(*s.session, q);
    auto meta = [&](const std::string& label) {
        for (const auto& m : doc.meta) {
            if (m.label == label) {
                return m.value;
            }
        }
        return std::string("(none)");
    };
    CHECK(meta("Урок") == "5А, MATH, урок 1, 17.11.2026");
    CHECK(meta("Тема") == "Дроби");
    CHECK(meta("Домашнее задание") == "—");
    CHECK(meta("Учитель") == "Иванова Анна Петровна");
    REQUIRE(doc.sections.size() == 2);
    REQUIRE(doc.sections[0].table.rows.size() == 1);
    CHECK(std::get<std::string>(doc.sections[0].table.rows[0][0]) == "Борисов Пётр");
    CHECK(std::get<std::string>(doc.sections[0].table.rows[0][1]) == "Б");
    CHECK(std::get<std::string>(doc.sections[1].table.rows[0][1]) == "Молодец");
}
