// A note that excuses a pupil's unexcused absences in a range of days (once, lateness left
// alone, history kept), and the attendance list with its totals: missed lessons by kind, missed
// days, lateness.
#include <catch2/catch.hpp>

#include "app/journal/attendance_entry.h"
#include "app/journal/attendance_excuse.h"
#include "app/journal/attendance_list.h"
#include "journal_school.h"
#include "pinned_clock.h"
#include "store/attendance.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::day;

namespace {

// Борисов in 5А: on 09.11 mathematics (№1) and Russian (№2), the whole day; on 10.11 mathematics
// (№1) of two lessons; on 11.11 late to mathematics; on 12.11 Russian, excused already.
struct Journal : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    std::int64_t m9 = 0, r9 = 0, m10 = 0, r10 = 0, m11 = 0, r12 = 0;
    Journal() {
        m9 = lesson(c5a, std::nullopt, math, "2026-11-09", 1);
        r9 = lesson(c5a, std::nullopt, rus, "2026-11-09", 2);
        m10 = lesson(c5a, std::nullopt, math, "2026-11-10", 1);
        r10 = lesson(c5a, std::nullopt, rus, "2026-11-10", 2);
        m11 = lesson(c5a, std::nullopt, math, "2026-11-11", 1);
        r12 = lesson(c5a, std::nullopt, rus, "2026-11-12", 1);
        mark("09.11.2026", "MATH", "Н");
        mark("09.11.2026", "RUS", "Н");
        mark("10.11.2026", "MATH", "Н");
        mark("11.11.2026", "MATH", "ОП", 7);
        mark("12.11.2026", "RUS", "П");
    }
    void mark(const char* date, const char* subject, const char* code,
              std::optional<int> minutes = std::nullopt) {
        app::MarkRequest r;
        r.pupil = "S-2";
        r.subject = subject;
        r.date = day(date);
        r.code = code;
        r.minutes = minutes;
        app::mark_attendance(*session, r);
    }
    app::ExcuseRequest excuse(const char* from, const char* to, const char* code = "Б") {
        return {"S-2", day(from), day(to), code, "справка № 112"};
    }
    std::string code_of(std::int64_t lesson) {
        auto row = store::find_attendance(db(), lesson, borisov);
        return row ? row->code : "";
    }
};

const std::vector<report::Cell>& row_of(const report::Document& doc, std::size_t section,
                                        std::size_t row) {
    REQUIRE(doc.sections.size() > section);
    REQUIRE(doc.sections[section].table.rows.size() > row);
    return doc.sections[section].table.rows[row];
}

std::int64_t number(const report::Cell& cell) { return std::get<std::int64_t>(cell); }

}  // namespace

TEST_CASE("a note excuses every unexcused absence of its days, once", "[app][attendance]") {
    Journal s;
    auto r = app::excuse_absences(*s.session, s.excuse("09.11.2026", "12.11.2026"));
    CHECK(r.pupil == "Борисов П.");
    CHECK(r.code == "Б");
    CHECK(r.changed.size() == 3);
    CHECK(r.already == 1);
    CHECK(s.code_of(s.m9) == "ill");
    CHECK(s.code_of(s.r9) == "ill");
    CHECK(s.code_of(s.m10) == "ill");
    CHECK(s.code_of(s.m11) == "late");
    CHECK(s.code_of(s.r12) == "excused");
    auto history = store::attendance_changes_of(s.db(), s.m9, s.borisov);
    REQUIRE(history.size() == 1);
    CHECK(history[0].old_code == "unexcused");
    CHECK(history[0].new_code == "ill");
    CHECK(history[0].reason == "справка № 112");

    auto again = app::excuse_absences(*s.session, s.excuse("09.11.2026", "12.11.2026"));
    CHECK(again.changed.empty());
    CHECK(again.already == 4);
    CHECK(store::attendance_changes_of(s.db(), s.m9, s.borisov).size() == 1);
}

TEST_CASE("an excuse covers only its days and only Б or П", "[app][attendance]") {
    Journal s;
    auto r = app::excuse_absences(*s.session, s.excuse("10.11.2026", "10.11.2026", "П"));
    CHECK(r.changed == std::vector<std::string>{"5А, MATH, урок 1, 10.11.2026"});
    CHECK(s.code_of(s.m9) == "unexcused");
    auto refused = [&](const app::ExcuseRequest& e) {
        return test::exit_code_of([&] { app::excuse_absences(*s.session, e); });
    };
    CHECK(refused(s.excuse("09.11.2026", "12.11.2026", "Н")) == ExitCode::usage);
    CHECK(refused(s.excuse("09.11.2026", "12.11.2026", "ОП")) == ExitCode::usage);
    CHECK(refused(s.excuse("12.11.2026", "09.11.2026")) == ExitCode::usage);
    CHECK(refused(s.excuse("09.11.2026", "01.06.2027")) == ExitCode::data);
    // A subject teacher may not excuse: that is the class teacher's.
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    CHECK(refused(s.excuse("09.11.2026", "12.11.2026")) == ExitCode::no_permission);
    CHECK(s.code_of(s.m9) == "unexcused");
}

TEST_CASE("the list counts missed lessons by kind, whole days missed and lateness",
          "[app][attendance]") {
    Journal s;
    app::AttendanceQuery q;
    q.class_name = "5А";
    auto doc = app::attendance_list(*s.session, q);
    REQUIRE(doc.sections.size() == 2);
    CHECK(doc.sections[0].table.rows.size() == 5);
    auto& first = row_of(doc, 0, 0);
    CHECK(std::get<domain::Date>(first[0]) == day("2026-11-09"));
    CHECK(number(first[1]) == 1);
    CHECK(std::get<std::string>(first[2]) == "Математика");
    CHECK(std::get<std::string>(first[3]) == "Борисов П.");
    CHECK(std::get<std::string>(first[4]) == "Н");
    auto& late = row_of(doc, 0, 3);
    CHECK(std::get<std::string>(late[4]) == "ОП");
    CHECK(number(late[5]) == 7);

    // Борисов: 4 missed (3 unexcused, 1 excused); whole days 09.11 (both lessons) and 12.11 (its
    // only lesson), not 10.11 (one of two); late once; then the class.
    auto& totals = row_of(doc, 1, 0);
    CHECK(std::get<std::string>(totals[0]) == "Борисов Пётр");
    CHECK(number(totals[1]) == 4);
    CHECK(number(totals[2]) == 0);
    CHECK(number(totals[3]) == 1);
    CHECK(number(totals[4]) == 3);
    CHECK(number(totals[5]) == 2);
    CHECK(number(totals[6]) == 1);
    CHECK(std::get<std::string>(row_of(doc, 1, 1)[0]) == "Всего");

    // One subject: no missed days; a period.
    q.subject = "RUS";
    doc = app::attendance_list(*s.session, q);
    CHECK(doc.sections[0].table.rows.size() == 2);
    CHECK(doc.sections[1].table.columns.size() == 6);
    q.subject.reset();
    q.period = "Q1";
    doc = app::attendance_list(*s.session, q);
    CHECK(doc.sections[0].table.rows.empty());
    q.period = "Q9";
    CHECK(test::exit_code_of([&] { app::attendance_list(*s.session, q); }) == ExitCode::usage);
}

TEST_CASE("a guardian lists their own child's attendance only", "[app][attendance]") {
    Journal s;
    s.become(app::Actor{9, "parent", std::nullopt,
                        {domain::Grant{domain::Role::guardian, domain::Scope::child, 1,
                                       std::nullopt, std::nullopt, std::nullopt, s.borisov}},
                        std::nullopt});
    app::AttendanceQuery q;
    q.pupil = "S-2";
    CHECK(app::attendance_list(*s.session, q).sections[0].table.rows.size() == 5);
    q.pupil = "S-1";
    CHECK(test::exit_code_of([&] { app::attendance_list(*s.session, q); }) ==
          ExitCode::no_permission);
    q.pupil.reset();
    q.class_name = "5А";
    CHECK(test::exit_code_of([&] { app::attendance_list(*s.session, q); }) ==
          ExitCode::no_permission);
}
