// Marks given, corrected and removed by hand: each checked against the lesson (permission, the
// edit window, a locked period, a lesson still to come, the scale), each with its history and
// audit rows; and a lesson with marks survives a new expansion of the timetable.
#include <catch2/catch.hpp>

#include "app/journal/marks_entry.h"
#include "app/schedule_generate.h"
#include "journal_school.h"
#include "pinned_clock.h"
#include "store/marks.h"
#include "store/period_locks.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::day;

namespace {

std::int64_t count(store::Database& db, const std::string& sql) {
    store::Statement st = db.prepare(sql);
    st.step();
    return st.get_int(0);
}

// 5А mathematics on 02.10 (Q1), 09.11, 16.11, 17.11 (today) and 18.11 (to come); Russian on 16.11.
struct Marks : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    std::int64_t oct2 = 0, nov9 = 0, nov16 = 0, nov17 = 0, nov18 = 0, rus16 = 0;
    explicit Marks(domain::Settings settings = test::journal_settings())
        : JournalSchool(test::administrator(), std::move(settings)) {
        oct2 = lesson(c5a, std::nullopt, math, "2026-10-02", 1);
        nov9 = lesson(c5a, std::nullopt, math, "2026-11-09", 1);
        nov16 = lesson(c5a, std::nullopt, math, "2026-11-16", 1);
        nov17 = lesson(c5a, std::nullopt, math, "2026-11-17", 1);
        nov18 = lesson(c5a, std::nullopt, math, "2026-11-18", 1);
        rus16 = lesson(c5a, std::nullopt, rus, "2026-11-16", 2);
    }
    app::AddMark mark(const char* date, const char* value, const char* subject = "MATH") {
        app::AddMark m;
        m.pupil = "S-2";
        m.subject = subject;
        m.date = day(date);
        m.value = value;
        return m;
    }
    ExitCode add(const app::AddMark& m) {
        return test::exit_code_of([&] { app::add_mark(*session, m); });
    }
};

}  // namespace

TEST_CASE("a mark is given, corrected and removed with its history", "[app][marks]") {
    Marks s;
    auto given = app::add_mark(*s.session, s.mark("16.11.2026", "5"));
    CHECK(given.pupil == "Борисов П.");
    CHECK(given.lesson == "5А, MATH, урок 1, 16.11.2026");
    CHECK(given.change == "5 (answer)");
    auto stored = store::find_mark(s.db(), given.mark_id);
    REQUIRE(stored);
    CHECK(stored->lesson_id == s.nov16);
    CHECK(stored->points == 500);
    CHECK(stored->slot == 1);
    // A second answer in the same lesson is the second of its kind.
    auto second = app::add_mark(*s.session, s.mark("16.11.2026", "4"));
    CHECK(store::find_mark(s.db(), second.mark_id)->slot == 2);

    auto corrected = app::correct_mark(*s.session, given.mark_id, "4", "пересдача");
    CHECK(corrected.change == "5 → 4");
    CHECK(store::find_mark(s.db(), given.mark_id)->value == "4");
    CHECK(app::correct_mark(*s.session, given.mark_id, "4", "").change.starts_with("unchanged"));
    auto removed = app::remove_mark(*s.session, given.mark_id, "ошибка");
    CHECK(removed.change == "removed 4");
    CHECK_FALSE(store::find_mark(s.db(), given.mark_id));

    auto history = store::mark_changes_of(s.db(), given.mark_id);
    REQUIRE(history.size() == 2);
    CHECK(history[0].kind == "correct");
    CHECK(history[0].old_value == "5");
    CHECK(history[0].new_value == "4");
    CHECK(history[0].reason == "пересдача");
    CHECK(history[1].kind == "remove");
    CHECK(history[1].old_value == "4");
    CHECK(count(s.db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'marks.%'") == 4);
    CHECK(test::exit_code_of([&] { app::remove_mark(*s.session, given.mark_id, "x"); }) ==
          ExitCode::data);
    CHECK(test::exit_code_of([&] { app::remove_mark(*s.session, second.mark_id, " "); }) ==
          ExitCode::usage);
}

TEST_CASE("a mark off the scale, a lesson to come or outside the year is refused",
          "[app][marks]") {
    Marks s;
    CHECK(s.add(s.mark("16.11.2026", "6")) == ExitCode::data);
    CHECK(s.add(s.mark("16.11.2026", "4/3", "RUS")) == ExitCode::data);
    CHECK(s.add(s.mark("18.11.2026", "5")) == ExitCode::data);
    CHECK(s.add(s.mark("01.06.2027", "5")) == ExitCode::data);
    CHECK(s.add(s.mark("15.11.2026", "5")) == ExitCode::data);  // no lesson that day
    auto typed = s.mark("16.11.2026", "5");
    typed.work_type = "экзамен";
    CHECK(s.add(typed) == ExitCode::data);
    typed.work_type = "Контрольная работа";
    CHECK(s.add(typed) == ExitCode::ok);
    CHECK(count(s.db(), "SELECT count(*) FROM marks") == 1);
    CHECK(count(s.db(), "SELECT count(*) FROM marks WHERE work_type = 'test'") == 1);
}

TEST_CASE("«4/3» only where the school allows it", "[app][marks]") {
    domain::Settings settings = test::journal_settings();
    settings.double_mark_subjects = {"RUS"};
    Marks s(settings);
    CHECK(s.add(s.mark("16.11.2026", "4/3", "RUS")) == ExitCode::ok);
    CHECK(s.add(s.mark("16.11.2026", "4/3", "MATH")) == ExitCode::data);
    auto m = store::find_mark_at(s.db(), s.rus16, s.borisov, "answer", 1);
    REQUIRE(m);
    CHECK(m->value == "4/3");
    CHECK(m->second_points == 300);
}

TEST_CASE("a teacher gives marks in their subject and class, within the edit window",
          "[app][marks]") {
    Marks s;
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    CHECK(s.add(s.mark("16.11.2026", "5")) == ExitCode::ok);
    CHECK(s.add(s.mark("16.11.2026", "5", "RUS")) == ExitCode::no_permission);
    // 09.11 is 8 days ago, past marks.edit_days = 7.
    CHECK(s.add(s.mark("09.11.2026", "5")) == ExitCode::no_permission);

    s.become(test::administrator());
    auto old = app::add_mark(*s.session, s.mark("09.11.2026", "3"));
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    CHECK(test::exit_code_of([&] { app::correct_mark(*s.session, old.mark_id, "4", ""); }) ==
          ExitCode::no_permission);
    // The deputy head holds marks.write on the whole school: no window.
    s.become(app::Actor{8, "belova", std::nullopt,
                        {domain::Grant{domain::Role::deputy_head, domain::Scope::school, 1, {},
                                       {}, {}, {}}},
                        std::nullopt});
    CHECK(app::correct_mark(*s.session, old.mark_id, "4", "").change == "3 → 4");
}

TEST_CASE("no mark is given, corrected or removed in a locked period", "[app][marks]") {
    Marks s;
    auto q1 = app::add_mark(*s.session, s.mark("02.10.2026", "5"));
    {
        store::Transaction tx(s.db());
        CHECK(store::lock_period(s.db(), s.year, "Q1", "t", std::nullopt));
        CHECK_FALSE(store::lock_period(s.db(), s.year, "Q1", "t", std::nullopt));
        tx.commit();
    }
    CHECK(store::is_period_locked(s.db(), s.year, "Q1"));
    CHECK(s.add(s.mark("02.10.2026", "4")) == ExitCode::data);
    CHECK(test::exit_code_of([&] { app::correct_mark(*s.session, q1.mark_id, "4", ""); }) ==
          ExitCode::data);
    CHECK(test::exit_code_of([&] { app::remove_mark(*s.session, q1.mark_id, "x"); }) ==
          ExitCode::data);
    CHECK(s.add(s.mark("16.11.2026", "4")) == ExitCode::ok);  // Q2 is open
    {
        store::Transaction tx(s.db());
        CHECK(store::unlock_period(s.db(), s.year, "Q1"));
        tx.commit();
    }
    CHECK(app::correct_mark(*s.session, q1.mark_id, "4", "").change == "5 → 4");
}

TEST_CASE("a lesson with marks is kept when the timetable no longer has it", "[app][marks]") {
    Marks s;
    // The fixture's rules are Monday rules with one lesson each, on dates of any weekday: to
    // the timetable, every lesson not on a Monday is one it no longer gives.
    app::add_mark(*s.session, s.mark("17.11.2026", "5"));
    auto summary = app::generate_schedule(*s.session, {day("2026-09-01"), day("2027-05-26"), false});
    CHECK(store::find_mark_at(s.db(), s.nov17, s.borisov, "answer", 1));
    CHECK(count(s.db(), "SELECT count(*) FROM lessons WHERE id = " + std::to_string(s.nov17)) == 1);
    CHECK(count(s.db(), "SELECT count(*) FROM lessons WHERE id = " + std::to_string(s.nov18)) == 0);
    REQUIRE(summary.conflicts.size() == 1);
}
