// Importing absences: every bad row named with its field and a hint, nothing written while a row
// is rejected, the same file again unchanged, a changed code updated with its history, and a
// teacher's file limited to the teacher's lessons.
#include <catch2/catch.hpp>

#include <fstream>

#include "app/import/attendance.h"
#include "app/journal/journal_school.h"
#include "app/journal/pinned_clock.h"
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

const char* header = "Ученик;Класс;Предмет;Дата;Урок;Код;Минуты;Примечание\n";

// 5А mathematics on 10.11 (№1) and 12.11 (№1, №3); 5Б mathematics on 17.11 (№3); Russian in 5А
// on 10.11 (№2).
struct Import : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    std::int64_t m10 = 0, m12a = 0, m12b = 0, b17 = 0, r10 = 0;
    Import() {
        m10 = lesson(c5a, std::nullopt, math, "2026-11-10", 1);
        m12a = lesson(c5a, std::nullopt, math, "2026-11-12", 1);
        m12b = lesson(c5a, std::nullopt, math, "2026-11-12", 3);
        b17 = lesson(c5b, std::nullopt, math, "2026-11-17", 3);
        r10 = lesson(c5a, std::nullopt, rus, "2026-11-10", 2);
    }
    app::ImportSummary run(const std::string& body, bool dry_run = false) {
        auto path = dir / "attendance.csv";
        std::ofstream(path) << header << body;
        app::ImportRequest request;
        request.source.file = path.string();
        request.dry_run = dry_run;
        auto importer = app::make_attendance_importer();
        return app::run_import(*session, request, *importer);
    }
    std::string code_of(std::int64_t lesson, std::int64_t pupil) {
        auto row = store::find_attendance(db(), lesson, pupil);
        return row ? row->code : "";
    }
};

std::string reject(const app::ImportSummary& s, std::size_t line) {
    for (const auto& r : s.rejects) {
        if (r.line == line) {
            return r.field + ": " + r.reason;
        }
    }
    return "(not rejected)";
}

}  // namespace

TEST_CASE("attendance import: every bad row is named, nothing is written", "[app][import]") {
    Import s;
    auto summary = s.run(
        "S-2;5А;MATH;10.11.2026;;Н;;\n"                   // 2: fine
        "S-2;5А;MATH;10.11.2026;;X;;\n"                   // 3: code
        "S-2;5А;ХИМ;10.11.2026;;Н;;\n"                    // 4: subject
        "S-2;5А;MATH;11.11.2026;;Н;;\n"                   // 5: no lesson that day
        "S-3;5Б;MATH;17.11.2026;;Н;;\n"                   // 6: in no class before 01.12
        "S-2;5А;MATH;01.08.2026;;Н;;\n"                   // 7: outside the year
        "S-2;5А;MATH;12.11.2026;;Н;;\n"                   // 8: two lessons that day
        "S-2;5А;MATH;10.11.2026;;Н;10;\n"                 // 9: minutes with Н
        "Незнамов Иван;5А;MATH;10.11.2026;;Н;;\n"         // 10: pupil
        "S-2;5Б;MATH;10.11.2026;;Н;;\n"                   // 11: never in 5Б
        "S-2;5А;MATH;10.11.2026;1;Б;;\n"                  // 12: line 2's lesson again
        "S-2;5А;MATH;18.11.2026;;Н;;\n");                 // 13: after today
    CHECK_FALSE(summary.written);
    CHECK(summary.rejects.size() == 11);
    CHECK_THAT(reject(summary, 3), Catch::StartsWith("code: \"X\" is not an attendance code (") &&
                                       Catch::EndsWith("or present)"));
    CHECK_THAT(reject(summary, 4), Catch::StartsWith("subject: \"ХИМ\" is not a subject"));
    CHECK_THAT(reject(summary, 5), Catch::StartsWith("date: Борисов П.: ") &&
                                       Catch::Contains("nearest: 10.11.2026, 12.11.2026"));
    CHECK_THAT(reject(summary, 6), Catch::StartsWith("pupil: Ветров О. И.: ") &&
                                       Catch::Contains("no class on 17.11.2026"));
    CHECK_THAT(reject(summary, 7), Catch::Contains("outside the academic year 2026/27"));
    CHECK_THAT(reject(summary, 8), Catch::StartsWith("lesson: ") && Catch::Contains("№1, №3"));
    CHECK_THAT(reject(summary, 9), Catch::StartsWith("minutes: minutes are for lateness"));
    CHECK_THAT(reject(summary, 10), Catch::StartsWith("pupil: "));
    CHECK_THAT(reject(summary, 11), Catch::StartsWith("class: ") && Catch::Contains("5Б"));
    CHECK_THAT(reject(summary, 12), Catch::Contains("line 2"));
    CHECK_THAT(reject(summary, 13), Catch::Contains("after today"));
    CHECK(count(s.db(), "SELECT count(*) FROM attendance") == 0);
}

TEST_CASE("attendance import: again unchanged, a new code updated with history",
          "[app][import]") {
    Import s;
    const std::string file = "S-2;5А;MATH;10.11.2026;;Н;;\n"
                             "Борисов Пётр;;RUS;10.11.2026;2;ОП;5;автобус\n"
                             "S-1;;MATH;12.11.2026;3;П;;\n";
    auto dry = s.run(file, true);
    CHECK(dry.created == 3);
    CHECK_FALSE(dry.written);
    CHECK(count(s.db(), "SELECT count(*) FROM attendance") == 0);

    auto first = s.run(file);
    CHECK(first.written);
    CHECK(first.created == 3);
    CHECK(s.code_of(s.r10, s.borisov) == "late");
    CHECK(store::find_attendance(s.db(), s.r10, s.borisov)->minutes_late == 5);
    CHECK(s.code_of(s.m12b, s.abramova) == "excused");

    auto again = s.run(file);
    CHECK(again.unchanged == 3);
    CHECK(again.created + again.updated == 0);

    auto changed = s.run("S-2;5А;MATH;10.11.2026;;Б;;справка\n"
                         "S-1;;MATH;12.11.2026;3;present;;\n");
    CHECK(changed.updated == 2);
    CHECK(s.code_of(s.m10, s.borisov) == "ill");
    CHECK(s.code_of(s.m12b, s.abramova) == "");
    auto history = store::attendance_changes_of(s.db(), s.m10, s.borisov);
    REQUIRE(history.size() == 1);
    CHECK(history[0].old_code == "unexcused");
    CHECK(history[0].reason == "справка");
    CHECK(count(s.db(), "SELECT count(*) FROM audit_log WHERE action LIKE 'attendance.%' "
                        "AND details LIKE '%attendance.csv:%'") == 5);
}

TEST_CASE("attendance import: a teacher's rows outside their lessons are rejected",
          "[app][import]") {
    Import s;
    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    auto mixed = s.run("S-2;5А;MATH;10.11.2026;;Н;;\n"
                       "S-2;5А;RUS;10.11.2026;;Н;;\n");
    CHECK_FALSE(mixed.written);
    REQUIRE(mixed.rejects.size() == 1);
    CHECK(mixed.rejects[0].line == 3);
    CHECK_THAT(reject(mixed, 3), Catch::StartsWith("subject: account \"ivanova.anna\" lacks "
                                                   "\"attendance.write\" for 5А, RUS"));
    auto own = s.run("S-2;5А;MATH;10.11.2026;;Н;;\n");
    CHECK(own.written);
    CHECK(s.code_of(s.m10, s.borisov) == "unexcused");
    // A guardian holds no attendance.write anywhere: the import is refused outright.
    s.become(app::Actor{9, "parent", std::nullopt,
                        {domain::Grant{domain::Role::guardian, domain::Scope::child, 1,
                                       std::nullopt, std::nullopt, std::nullopt, s.borisov}},
                        std::nullopt});
    CHECK(test::exit_code_of([&] { s.run("S-2;5А;MATH;10.11.2026;;П;;\n"); }) ==
          ExitCode::no_permission);
}
