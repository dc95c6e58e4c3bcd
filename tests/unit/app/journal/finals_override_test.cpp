// A teacher's own period mark beside the computed one: set, kept by the next computation,
// cleared, refused off the scale, outside the pupil's subjects, in a locked period and without
// the permission; and how a mark is explained.
#include <catch2/catch.hpp>

#include "app/journal/finals_explain.h"
#include "app/journal/finals_list.h"
#include "app/journal/finals_override.h"
#include "finals_school.h"
#include "formats/cell_text.h"
#include "pinned_clock.h"
#include "store/period_locks.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::FinalsSchool;

namespace {

app::OverrideResult set(FinalsSchool& s, const std::string& pupil, const std::string& subject,
                        std::optional<std::string> value, const std::string& reason = "") {
    return app::set_final_override(*s.session, {pupil, subject, "Q1", std::move(value), reason});
}

std::string notes_of(const report::Document& doc) {
    std::string out;
    for (const auto& n : doc.sections.front().notes) {
        out += n + "\n";
    }
    return out;
}

std::string cell(const report::Cell& c) { return formats::cell_text(c, formats::TextStyle::iso); }

}  // namespace

TEST_CASE("a teacher's mark stays beside the computed one until cleared", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "4", 400);
    s.mark(s.m2, s.borisov, "4", 400);
    s.mark(s.m3, s.borisov, "5", 500);
    s.compute();
    auto r = set(s, "S-2", "математика", "5", "исправил контрольную");
    CHECK(r.changed);
    CHECK(r.computed == "4");
    CHECK_FALSE(r.old_value);
    auto row = s.stored(s.borisov, s.math);
    CHECK(row->final_value == "5");
    CHECK(row->computed.computed == "4");
    CHECK(row->override_reason == "исправил контрольную");

    // The next computation keeps it; the same mark again changes nothing.
    CHECK(s.compute().unchanged == 5);
    CHECK(s.stored(s.borisov, s.math)->final_value == "5");
    CHECK_FALSE(set(s, "S-2", "MATH", "5", "исправил контрольную").changed);

    store::Statement audit = s.db().prepare(
        "SELECT details FROM audit_log WHERE action = 'finals.set' ORDER BY id");
    REQUIRE(audit.step() == store::Step::row);
    auto details = nlohmann::json::parse(audit.get_text(0));
    CHECK(details["old"].is_null());
    CHECK(details["new"] == "5");
    CHECK(details["computed"] == "4");
    CHECK(audit.step() == store::Step::done);

    auto cleared = set(s, "S-2", "MATH", std::nullopt);
    CHECK(cleared.changed);
    CHECK(cleared.old_value == "5");
    CHECK(s.stored(s.borisov, s.math)->final_value == "4");
    CHECK_FALSE(set(s, "S-2", "MATH", std::nullopt).changed);
}

TEST_CASE("a teacher's mark before any computation, and «н/а» set by hand", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    CHECK(set(s, "S-2", "RUS", "на").new_value == "н/а");
    auto row = s.stored(s.borisov, s.rus);
    REQUIRE(row);
    CHECK(row->final_value == "н/а");
    CHECK_FALSE(row->computed_at);
    // Clearing the only thing the row held removes the row.
    set(s, "S-2", "RUS", std::nullopt);
    CHECK_FALSE(s.stored(s.borisov, s.rus));
}

TEST_CASE("a teacher's mark is refused where it cannot be", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    CHECK(test::exit_code_of([&] { set(s, "S-2", "MATH", "6"); }) == ExitCode::usage);
    // Абрамова is not in the English subgroup.
    CHECK(test::exit_code_of([&] { set(s, "S-1", "ENG", "5"); }) == ExitCode::data);
    CHECK(test::exit_code_of([&] { set(s, "S-2", "ХИМИЯ", "5"); }) == ExitCode::data);
    {
        store::Transaction tx(s.db());
        store::lock_period(s.db(), s.year, "Q1", "2026-10-26T09:00:00Z", std::nullopt);
        tx.commit();
    }
    CHECK(test::exit_code_of([&] { set(s, "S-2", "MATH", "5"); }) == ExitCode::data);
    app::unlock_marks_period(*s.session, "Q1");
    CHECK(set(s, "S-2", "MATH", "5").changed);

    // The mathematics teacher of 5А sets mathematics of Борисов (5А), not Russian.
    s.become(FinalsSchool::teacher_of(s.math, s.c5a));
    CHECK(set(s, "S-2", "MATH", "4").changed);
    CHECK(test::exit_code_of([&] { set(s, "S-2", "RUS", "4"); }) == ExitCode::no_permission);
    CHECK(test::exit_code_of([&] { app::lock_marks_period(*s.session, "Q1"); }) ==
          ExitCode::no_permission);
}

TEST_CASE("lock and unlock say whether they changed anything", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    CHECK(app::lock_marks_period(*s.session, "q1").changed);
    CHECK_FALSE(app::lock_marks_period(*s.session, "Q1").changed);
    CHECK(app::unlock_marks_period(*s.session, "Q1").changed);
    CHECK_FALSE(app::unlock_marks_period(*s.session, "Q1").changed);
    store::Statement audit = s.db().prepare(
        "SELECT count(*) FROM audit_log WHERE action IN ('finals.lock', 'finals.unlock')");
    audit.step();
    CHECK(audit.get_int(0) == 2);
}

TEST_CASE("explain lists the marks, the sums, the rule and the marks set", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500, "answer");
    s.mark(s.m2, s.borisov, "4/3", 400, "test", 300);
    s.compute();
    set(s, "S-2", "MATH", "5", "устный зачёт");
    auto doc = app::explain_final_mark(*s.session, {"S-2", "MATH", "Q1"});
    const auto& rows = doc.sections.front().table.rows;
    REQUIRE(rows.size() == 2);
    CHECK(cell(rows[0][0]) == "2026-09-07");
    CHECK(cell(rows[0][2]) == "Ответ на уроке");
    CHECK(cell(rows[0][3]) == "1");
    CHECK(cell(rows[0][6]) == "5.00");
    CHECK(cell(rows[1][4]) == "4/3");
    CHECK(cell(rows[1][5]) == "4.00 + 3.00");
    CHECK(cell(rows[1][6]) == "21.00");  // (4 + 3) · 3
    std::string notes = notes_of(doc);
    // 5 + 4·3 + 3·3 = 26 over 7: 3.71, nearest to 4.
    CHECK_THAT(notes, Catch::Contains("Отметок: 3") &&
                          Catch::Contains("Σ баллы × вес = 26.00; Σ вес = 7") &&
                          Catch::Contains("Среднее: 3.71") &&
                          Catch::Contains("Вычисленная сейчас: 4") &&
                          Catch::Contains("Выставлена учителем: 5 (") &&
                          Catch::Contains("причина: устный зачёт") &&
                          Catch::Contains("Итоговая отметка: 5"));
    bool rule_shown = false;
    for (const auto& m : doc.meta) {
        rule_shown = rule_shown || (m.label == "Правило" &&
                                    m.value.find("меньше 3 отметок — «н/а»") != std::string::npos);
    }
    CHECK(rule_shown);

    // A new mark since: the stored computation is out of date, and explain says so.
    s.mark(s.m3, s.borisov, "2", 200, "test");
    auto stale = notes_of(app::explain_final_mark(*s.session, {"S-2", "MATH", "Q1"}));
    CHECK_THAT(stale, Catch::Contains("с тех пор изменились"));
}

TEST_CASE("the class grid marks a teacher's mark", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.compute();
    set(s, "S-2", "MATH", "3");
    auto doc = app::list_final_marks(*s.session, {"5А", "Q1"});
    const auto& table = doc.sections.front().table;
    REQUIRE(table.columns.size() == 5);  // №, pupil, MATH, ENG, RUS in the school's order
    CHECK(table.columns[2].title == "MATH");
    CHECK(table.columns[3].title == "ENG");
    REQUIRE(table.rows.size() == 2);
    CHECK(cell(table.rows[0][1]) == "Абрамова Дарья Евгеньевна");
    CHECK(cell(table.rows[0][3]).empty());  // not in the English subgroup
    CHECK(cell(table.rows[1][2]) == "3*");
    CHECK(cell(table.rows[1][4]) == "н/а");
}
