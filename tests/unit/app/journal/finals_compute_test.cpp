// Period and year marks computed on a real database: the pairs a period has, the weighted mean
// with today's weights, «н/а» below the minimum, a second run that changes nothing, a teacher's
// mark kept beside the computed one, rows the period no longer has, and the refusals.
#include <catch2/catch.hpp>

#include "finals_school.h"
#include "pinned_clock.h"
#include "store/period_locks.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::FinalsSchool;

namespace {

std::size_t rows_of(store::Database& db, const std::string& period) {
    store::Statement st = db.prepare("SELECT count(*) FROM final_marks WHERE period = ?");
    st.bind_all(period);
    st.step();
    return static_cast<std::size_t>(st.get_int(0));
}

std::string error_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("a period mark is the weighted mean of the period's marks", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500, "answer");     // weight 1
    s.mark(s.m2, s.borisov, "4", 400, "test");       // weight 3
    s.mark(s.m3, s.borisov, "3", 300, "homework");   // weight 1
    s.mark(s.m4, s.borisov, "5", 500, "independent");  // weight 2
    s.mark(s.m1, s.abramova, "5", 500);
    s.mark(s.m2, s.abramova, "5", 500);
    // Outside Q1 (the autumn holidays are over): not counted.
    auto late = s.lesson(s.c5a, std::nullopt, s.math, "2026-11-09", 1);
    s.mark(late, s.borisov, "2", 200);

    auto first = s.compute();
    // Абрамова: MATH, RUS; Борисов: MATH, RUS and ENG in his subgroup.
    CHECK(first.created == 5);
    CHECK(first.unchanged == 0);
    auto borisov = s.stored(s.borisov, s.math);
    REQUIRE(borisov);
    // (500 + 3·400 + 300 + 2·500) / 7 = 3000 / 7 = 428.57… → 4.28, nearer to 4.
    CHECK(borisov->computed.marks_count == 4);
    CHECK(borisov->computed.weighted_sum == 3000);
    CHECK(borisov->computed.weight_sum == 7);
    CHECK(borisov->computed.mean == 428);
    CHECK(borisov->computed.computed == "4");
    CHECK(borisov->final_value == "4");
    CHECK(s.stored(s.abramova, s.math)->computed.computed == "н/а");  // 2 marks of 3 needed
    CHECK(s.stored(s.abramova, s.rus)->computed.computed == "н/а");   // no marks at all
    CHECK_FALSE(s.stored(s.abramova, s.eng));                          // not in the subgroup
    CHECK_FALSE(s.stored(s.vetrov, s.math));                           // in no class in Q1
    REQUIRE(first.classes.size() == 1);
    CHECK(first.classes[0].class_name == "5А");
    CHECK(first.classes[0].pupils == 2);
    CHECK(first.classes[0].marks == 5);
    CHECK(first.classes[0].not_attested == 4);

    auto second = s.compute();
    CHECK(second.created == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == 5);

    s.mark(s.m3, s.abramova, "4", 400);
    auto third = s.compute();
    CHECK(third.updated == 1);
    CHECK(third.unchanged == 4);
    CHECK(s.stored(s.abramova, s.math)->computed.computed == "5");  // 14 / 3 = 4.66…
}

TEST_CASE("weights are the configuration's at computation time", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500, "answer");
    s.mark(s.m2, s.borisov, "3", 300, "test");
    s.mark(s.m3, s.borisov, "3", 300, "answer");
    s.compute();
    CHECK(s.stored(s.borisov, s.math)->computed.mean == 340);  // (5 + 9 + 3) / 5

    s.config.work_types = {{"answer", "Ответ на уроке", 3}, {"test", "Контрольная работа", 1}};
    s.become(test::administrator());
    auto again = s.compute();
    CHECK(again.updated == 1);
    CHECK(s.stored(s.borisov, s.math)->computed.mean == 385);  // (15 + 3 + 9) / 7 = 3.857…

    s.config.work_types = {{"test", "Контрольная работа", 3}};
    s.become(test::administrator());
    std::string message;
    CHECK(test::exit_code_of([&] {
              try {
                  s.compute();
              } catch (const Error& e) {
                  message = e.what();
                  throw;
              }
          }) == ExitCode::config);
    CHECK_THAT(message, Catch::Contains("\"answer\" (2 marks, e.g. Борисов П. (5А), MATH, "
                                        "07.09.2026: 5") &&
                            Catch::Contains("[[work_types]]"));
}

TEST_CASE("the thresholds and the period's own minimum apply", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    domain::Settings config = test::journal_settings();
    config.grading.rounding = domain::Rounding::thresholds;
    config.periods[0].min_marks = 2;
    FinalsSchool s(test::administrator(), config);
    // (4·5 + 3) / 5 = 4.60 reaches the threshold of 5 exactly.
    s.mark(s.m1, s.borisov, "5", 500, "answer");
    s.mark(s.m2, s.borisov, "5", 500, "answer");
    s.mark(s.m3, s.borisov, "5", 500, "answer");
    s.mark(s.m4, s.borisov, "3", 300, "answer");
    s.mark(s.m4, s.borisov, "5", 500, "answer");
    s.mark(s.m1, s.abramova, "4", 400);
    s.mark(s.m2, s.abramova, "5", 500);
    s.compute();
    auto b = s.stored(s.borisov, s.math);
    CHECK(b->computed.mean == 460);  // 23 / 5
    CHECK(b->computed.computed == "5");
    CHECK_THAT(b->computed.reason, Catch::Contains("4.60 ≥ 4.60"));
    // Two marks are enough in this school's Q1: 4.50 is below 4.60.
    CHECK(s.stored(s.abramova, s.math)->computed.computed == "4");
}

TEST_CASE("a subject on the scale none gets no mark, and rows the period lost go",
          "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    std::int64_t odnknr = 0;
    {
        store::Transaction tx(s.db());
        odnknr = store::insert_subject(s.db(), 1, {0, "ODNKNR", "ОДНКНР", "none"});
        tx.commit();
    }
    s.lesson(s.c5a, std::nullopt, odnknr, "2026-09-10", 4);
    // A row for a subject Ветров never had in Q1, as if the timetable had changed since.
    {
        store::Transaction tx(s.db());
        store::write_computed(s.db(), {s.year, s.borisov, odnknr, "Q1"},
                              {0, 0, 0, std::nullopt, "н/а", "old", }, "t");
        store::write_override(s.db(), {s.year, s.abramova, odnknr, "Q1"}, "5", std::nullopt,
                              "t", "");
        tx.commit();
    }
    auto r = s.compute();
    CHECK(r.created == 5);
    CHECK(r.removed == 1);
    CHECK(r.kept == 1);
    CHECK_FALSE(s.stored(s.borisov, odnknr));
    CHECK(s.stored(s.abramova, odnknr)->final_value == "5");
    auto again = s.compute();
    CHECK(again.removed == 0);
    CHECK(again.kept == 1);
    CHECK(again.unchanged == 5);
}

TEST_CASE("a dry run computes and writes nothing", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500);
    auto dry = s.compute("Q1", std::nullopt, true);
    CHECK(dry.created == 5);
    CHECK(dry.dry_run);
    CHECK(rows_of(s.db(), "Q1") == 0);
    store::Statement audit = s.db().prepare(
        "SELECT count(*) FROM audit_log WHERE action = 'finals.compute'");
    audit.step();
    CHECK(audit.get_int(0) == 0);
    s.compute();
    CHECK(rows_of(s.db(), "Q1") == 5);
}

TEST_CASE("one class's pupils only, with the permission on that class", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    auto b = s.lesson(s.c5b, std::nullopt, s.math, "2026-11-17", 1);
    s.mark(b, s.abramova, "5", 500);  // Абрамова is in 5Б from 16.11
    auto q2 = s.compute("Q2", "5Б");
    // In 5Б during Q2: Абрамова (from 16.11; MATH from 5Б's rule) and Ветров (from 01.12, but
    // 5Б's only MATH lesson of Q2 was before he came).
    CHECK(q2.created == 1);
    REQUIRE(q2.classes.size() == 1);
    CHECK(q2.classes[0].class_name == "5Б");
    CHECK(q2.classes[0].pupils == 2);
    CHECK(s.stored(s.abramova, s.math, "Q2")->computed.marks_count == 1);

    s.become(FinalsSchool::teacher_of(s.math, s.c5a));
    CHECK(test::exit_code_of([&] { s.compute("Q1", "5А"); }) == ExitCode::no_permission);
    CHECK(test::exit_code_of([&] { s.compute("Q1"); }) == ExitCode::no_permission);
    // A teacher of the whole class (a primary-school teacher) computes it.
    s.become(app::Actor{8, "teacher", std::nullopt,
                        {domain::Grant{domain::Role::teacher, domain::Scope::school_class, 1,
                                       s.c5a, std::nullopt, std::nullopt, std::nullopt}},
                        std::nullopt});
    CHECK(s.compute("Q1", "5А").created == 5);
}

TEST_CASE("a locked period is not computed again; the year waits for its periods",
          "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500);
    s.mark(s.m2, s.borisov, "5", 500);
    s.mark(s.m3, s.borisov, "4", 400);
    s.compute();
    auto november = s.lesson(s.c5a, std::nullopt, s.math, "2026-11-09", 2);
    for (int i = 0; i < 3; ++i) {
        s.mark(november, s.borisov, "4", 400);
    }
    CHECK_THAT(error_of([&] { s.compute("year"); }),
               Catch::Contains("Q2 has not been computed") &&
                   Catch::Contains("finals compute --period Q2"));
    {
        store::Transaction tx(s.db());
        store::lock_period(s.db(), s.year, "Q1", "2026-10-26T09:00:00Z", std::nullopt);
        tx.commit();
    }
    CHECK(test::exit_code_of([&] { s.compute(); }) == ExitCode::data);
    CHECK_THAT(error_of([&] { s.compute(); }), Catch::Contains("locked") &&
                                                  Catch::Contains("finals unlock --period Q1"));
    CHECK(s.compute("Q1", std::nullopt, true).unchanged == 5);  // a dry run may look

    CHECK(s.compute("Q2").created == 2);  // MATH of 5А on 09.11: Абрамова н/а, Борисов 4
    auto year = s.compute("year");
    CHECK(year.created == 5);
    // Борисов's MATH: Q1 5 (4.66), Q2 4: (5 + 4) / 2 = 4.50, halves up.
    auto y = s.stored(s.borisov, s.math, "year");
    REQUIRE(y);
    CHECK(y->computed.computed == "5");
    CHECK(y->computed.mean == 450);
    CHECK(s.stored(s.abramova, s.math, "year")->computed.computed == "н/а");
    CHECK(s.stored(s.borisov, s.eng, "year")->computed.computed == "н/а");
    CHECK(s.compute("year").unchanged == 5);
}

TEST_CASE("an unknown period names the periods there are", "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    CHECK_THAT(error_of([&] { s.compute("Q7"); }),
               Catch::Contains("--period \"Q7\" is not a period of 2026/27 (periods: Q1, Q2, "
                               "year, exam, final)"));
    CHECK(test::exit_code_of([&] { s.compute("Q7"); }) == ExitCode::usage);
    CHECK(s.compute("q1").period.code == "Q1");
}

TEST_CASE("the final mark: the year mark, or its mean with the exam mark rounded half up",
          "[app][finals]") {
    test::PinnedClock clock(test::tuesday_17_november);
    FinalsSchool s;
    s.mark(s.m1, s.borisov, "5", 500);
    s.mark(s.m2, s.borisov, "4", 400);
    s.mark(s.m3, s.borisov, "4", 400);
    s.compute();
    CHECK_THAT(error_of([&] { s.compute("final"); }),
               Catch::Contains("no year mark has been computed") &&
                   Catch::Contains("--period year"));
    CHECK(test::exit_code_of([&] { s.compute("exam"); }) == ExitCode::usage);
    s.compute("year");
    REQUIRE(s.stored(s.borisov, s.math, "year")->final_value == "4");  // 4.33
    {
        store::Transaction tx(s.db());
        store::write_override(s.db(), {s.year, s.borisov, s.math, "exam"}, "5", std::nullopt,
                              "2027-06-10T09:00:00Z", "ОГЭ");
        tx.commit();
    }
    auto summary = s.compute("final");
    CHECK(summary.created == 5);
    auto math = s.stored(s.borisov, s.math, "final");
    REQUIRE(math);
    CHECK(math->computed.computed == "5");  // (4 + 5) / 2 = 4.50, half up
    CHECK(math->computed.mean == 450);
    CHECK(s.stored(s.borisov, s.rus, "final")->computed.computed == "н/а");  // the year's н/а
    CHECK(s.compute("final").unchanged == 5);
    CHECK_FALSE(s.stored(s.borisov, s.math, "exam")->computed_at);  // entered, never computed
}
