// Absences marked by hand: one pupil at the lesson of the class they were in that day, several
// pupils of a lesson at once (all or none), a changed code with its history and audit rows, and
// every refusal with its exit code.
#include <catch2/catch.hpp>

#include "app/journal/attendance_entry.h"
#include "app/journal/attendance_list.h"
#include "journal_school.h"
#include "pinned_clock.h"
#include "store/attendance.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::day;

namespace {

std::int64_t count(store::Database& db, const std::string& sql) {
    store::Statement st = db.prepare(sql);
    st.step();
    return st.get_int(0);
}

// 5А mathematics on 10.11 (№1), 17.11 (№1, today) and 18.11 (to come); 5Б mathematics on 17.11
// (№3); 5А Russian on 10.11 (№2); English in 5А's subgroup on 10.11 (№3).
struct Attendance : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    std::int64_t a10 = 0, a17 = 0, a18 = 0, b17 = 0, rus10 = 0, eng10 = 0;
    explicit Attendance(app::Actor actor = test::administrator())
        : JournalSchool(std::move(actor)) {
        a10 = lesson(c5a, std::nullopt, math, "2026-11-10", 1);
        a17 = lesson(c5a, std::nullopt, math, "2026-11-17", 1);
        a18 = lesson(c5a, std::nullopt, math, "2026-11-18", 1);
        b17 = lesson(c5b, std::nullopt, math, "2026-11-17", 3);
        rus10 = lesson(c5a, std::nullopt, rus, "2026-11-10", 2);
        eng10 = lesson(std::nullopt, english1, eng, "2026-11-10", 3);
    }
    static app::MarkRequest one(const char* pupil, const char* date, const char* code,
                                const char* subject = "MATH") {
        app::MarkRequest r;
        r.pupil = pupil;
        r.subject = subject;
        r.date = day(date);
        r.code = code;
        return r;
    }
    std::vector<app::MarkedPupil> mark(const app::MarkRequest& r) {
        return app::mark_attendance(*session, r);
    }
    ExitCode refused(const app::MarkRequest& r) {
        return test::exit_code_of([&] { app::mark_attendance(*session, r); });
    }
    std::optional<std::string> code_of(std::int64_t lesson, std::int64_t pupil) {
        auto row = store::find_attendance(db(), lesson, pupil);
        return row ? std::optional(row->code) : std::nullopt;
    }
};

}  // namespace

TEST_CASE("attendance codes: the school's labels, the usual letters, present", "[app][attendance]") {
    domain::AbsenceLabels labels;
    using A = domain::Absence;
    auto parsed = [&](const char* text) { return app::parse_attendance_code(text, labels); };
    REQUIRE(parsed("н"));
    CHECK(*parsed("н") == A::unexcused);
    CHECK(*parsed("Б") == A::ill);
    CHECK(*parsed("ОП") == A::late);
    CHECK(*parsed("present") == std::nullopt);
    CHECK(*parsed(" Present ") == std::nullopt);
    CHECK_FALSE(parsed("Х"));
    CHECK_FALSE(parsed(""));
    CHECK(app::attendance_codes_hint(labels) == domain::absence_codes_text(labels) + " or present");
    CHECK(app::attendance_label(std::nullopt, labels) == "present");
    CHECK(app::attendance_label(A::excused, labels) == "П");
}

TEST_CASE("an absence is marked, re-classified and removed, with its history",
          "[app][attendance]") {
    Attendance s;
    auto first = s.mark(Attendance::one("S-2", "17.11.2026", "Н"));
    REQUIRE(first.size() == 1);
    CHECK(first[0].pupil == "Борисов П.");
    CHECK(first[0].lesson == "5А, MATH, урок 1, 17.11.2026");
    CHECK(first[0].outcome == app::AttendanceOutcome::created);
    CHECK(first[0].after == "Н");
    CHECK(s.code_of(s.a17, s.borisov) == "unexcused");

    auto again = s.mark(Attendance::one("S-2", "17.11.2026", "н"));
    CHECK(again[0].outcome == app::AttendanceOutcome::unchanged);

    auto ill = s.mark(Attendance::one("Борисов Пётр", "17.11.2026", "Б"));
    CHECK(ill[0].outcome == app::AttendanceOutcome::updated);
    CHECK(ill[0].before == "Н");
    CHECK(ill[0].after == "Б");
    CHECK(s.code_of(s.a17, s.borisov) == "ill");

    auto present = s.mark(Attendance::one("S-2", "17.11.2026", "present"));
    CHECK(present[0].outcome == app::AttendanceOutcome::removed);
    CHECK_FALSE(s.code_of(s.a17, s.borisov));
    CHECK(s.mark(Attendance::one("S-2", "17.11.2026", "present"))[0].outcome ==
          app::AttendanceOutcome::unchanged);

    auto history = store::attendance_changes_of(s.db(), s.a17, s.borisov);
    REQUIRE(history.size() == 2);
    CHECK(history[0].old_code == "unexcused");
    CHECK(history[0].new_code == "ill");
    CHECK(history[1].old_code == "ill");
    CHECK(history[1].new_code == "");
    CHECK(count(s.db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'attendance.%'") == 3);
}

TEST_CASE("lateness keeps its minutes and its note unless told otherwise", "[app][attendance]") {
    Attendance s;
    auto late = Attendance::one("S-2", "17.11.2026", "ОП");
    late.minutes = 10;
    late.note = "автобус";
    s.mark(late);
    auto row = store::find_attendance(s.db(), s.a17, s.borisov);
    REQUIRE(row);
    CHECK(row->minutes_late == 10);
    CHECK(row->note == "автобус");
    // The same code without minutes or note changes nothing.
    CHECK(s.mark(Attendance::one("S-2", "17.11.2026", "О"))[0].outcome ==
          app::AttendanceOutcome::unchanged);
    // An absence has no minutes.
    s.mark(Attendance::one("S-2", "17.11.2026", "Н"));
    row = store::find_attendance(s.db(), s.a17, s.borisov);
    CHECK_FALSE(row->minutes_late);
    CHECK(row->note == "автобус");
}

TEST_CASE("a pupil is marked at the lesson of the class they were in that day",
          "[app][attendance]") {
    Attendance s;
    s.mark(Attendance::one("S-1", "10.11.2026", "Н"));  // still in 5А
    s.mark(Attendance::one("S-1", "17.11.2026", "Н"));  // in 5Б since 16.11
    CHECK(s.code_of(s.a10, s.abramova) == "unexcused");
    CHECK(s.code_of(s.b17, s.abramova) == "unexcused");
    CHECK_FALSE(s.code_of(s.a17, s.abramova));
    // Ветров joins 5Б only on 01.12: on 17.11 he was in no class.
    auto e = test::exit_code_of([&] { s.mark(Attendance::one("S-3", "17.11.2026", "Н")); });
    CHECK(e == ExitCode::data);
}

TEST_CASE("several pupils of a lesson are marked at once, or none", "[app][attendance]") {
    Attendance s;
    app::MarkRequest r;
    r.class_name = "5А";
    r.subject = "MATH";
    r.date = day("10.11.2026");
    r.code = "Н";
    r.pupils = {"Борисов, Абрамова Дарья"};  // a surname is enough within the lesson
    auto marked = s.mark(r);
    REQUIRE(marked.size() == 2);
    CHECK(marked[0].pupil == "Борисов П.");
    CHECK(marked[1].pupil == "Абрамова Д. Е.");
    CHECK(s.code_of(s.a10, s.borisov) == "unexcused");
    CHECK(s.code_of(s.a10, s.abramova) == "unexcused");

    // A class's subgroup lesson counts as the class's: Борисов is in «5А англ. 1».
    r.subject = "ENG";
    r.pupils = {"S-2"};
    r.code = "Б";
    s.mark(r);
    CHECK(s.code_of(s.eng10, s.borisov) == "ill");

    // Абрамова is not in the subgroup: nothing is written for Борисов either.
    r.pupils = {"Борисов", "Абрамова"};
    r.code = "П";
    CHECK(s.refused(r) == ExitCode::data);
    CHECK(s.code_of(s.eng10, s.borisov) == "ill");
    // Named twice, or unknown.
    r.subject = "MATH";
    r.pupils = {"Борисов", "S-2"};
    CHECK(s.refused(r) == ExitCode::data);
    r.pupils = {"Борисов", "Незнамов Иван"};
    CHECK(s.refused(r) == ExitCode::data);
    CHECK(s.code_of(s.a10, s.borisov) == "unexcused");
}

TEST_CASE("bad requests are refused before anything is written", "[app][attendance]") {
    Attendance s;
    CHECK(s.refused(Attendance::one("S-2", "17.11.2026", "X")) == ExitCode::usage);
    auto minutes = Attendance::one("S-2", "17.11.2026", "Н");
    minutes.minutes = 5;
    CHECK(s.refused(minutes) == ExitCode::usage);
    auto too_late = Attendance::one("S-2", "17.11.2026", "ОП");
    too_late.minutes = 0;
    CHECK(s.refused(too_late) == ExitCode::usage);
    too_late.minutes = 91;
    CHECK(s.refused(too_late) == ExitCode::usage);
    auto both = Attendance::one("S-2", "17.11.2026", "Н");
    both.class_name = "5А";
    CHECK(s.refused(both) == ExitCode::usage);
    auto no_list = Attendance::one("S-2", "17.11.2026", "Н");
    no_list.pupil.reset();
    no_list.class_name = "5А";
    CHECK(s.refused(no_list) == ExitCode::usage);
    // A lesson still to come, a day outside the year, a day without the subject.
    CHECK(s.refused(Attendance::one("S-2", "18.11.2026", "Н")) == ExitCode::data);
    CHECK(s.refused(Attendance::one("S-2", "01.06.2027", "Н")) == ExitCode::data);
    CHECK(s.refused(Attendance::one("S-2", "11.11.2026", "Н")) == ExitCode::data);
    CHECK(s.refused(Attendance::one("S-2", "17.11.2026", "Н", "ХИМ")) == ExitCode::data);
    CHECK(count(s.db(), "SELECT count(*) FROM attendance") == 0);
}

TEST_CASE("a subject teacher marks their lessons, a class teacher their class",
          "[app][attendance]") {
    Attendance s;
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    s.mark(Attendance::one("S-2", "10.11.2026", "Н"));
    CHECK(s.refused(Attendance::one("S-2", "10.11.2026", "Н", "RUS")) == ExitCode::no_permission);
    // Абрамова is in 5Б on 17.11: not this teacher's class that day.
    CHECK(s.refused(Attendance::one("S-1", "17.11.2026", "Н")) == ExitCode::no_permission);

    s.become(app::Actor{8, "class.teacher", std::nullopt,
                        {domain::Grant{domain::Role::class_teacher, domain::Scope::school_class, 1,
                                       s.c5a, std::nullopt, std::nullopt, std::nullopt}},
                        std::nullopt});
    s.mark(Attendance::one("S-2", "10.11.2026", "Н", "RUS"));
    CHECK(s.code_of(s.rus10, s.borisov) == "unexcused");
}

TEST_CASE("a class's list has a moved pupil's absences in the class she was in that day",
          "[app][attendance]") {
    Attendance s;
    s.mark(Attendance::one("S-1", "10.11.2026", "Н"));  // in 5А
    s.mark(Attendance::one("S-1", "17.11.2026", "Б"));  // in 5Б since 16.11
    app::AttendanceQuery q;
    q.class_name = "5А";
    auto a = app::attendance_list(*s.session, q);
    REQUIRE(a.sections[0].table.rows.size() == 1);
    CHECK(std::get<domain::Date>(a.sections[0].table.rows[0][0]) == day("2026-11-10"));
    q.class_name = "5Б";
    auto b = app::attendance_list(*s.session, q);
    REQUIRE(b.sections[0].table.rows.size() == 1);
    CHECK(std::get<domain::Date>(b.sections[0].table.rows[0][0]) == day("2026-11-17"));
    CHECK(std::get<std::string>(b.sections[0].table.rows[0][4]) == "Б");
}
