// A pupil's week in the diary, the guardians' seen receipts it leaves, and what `report unseen`
// lists before and after a guardian looked.
#include <catch2/catch.hpp>

#include "app/journal/diary.h"
#include "app/reports/unseen.h"
#include "finals_school.h"
#include "formats/cell_text.h"
#include "pinned_clock.h"
#include "store/guardians.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::FinalsSchool;

namespace {

std::string cell(const report::Cell& c) { return formats::cell_text(c, formats::TextStyle::ru); }

// Борисов's week of 07.09.2026: homework in mathematics, a mark, a lateness, a remark in
// English and one about the day; his mother is a guardian with an account.
struct Week : FinalsSchool {
    std::int64_t mother = 0, mark_id = 0, lesson_remark = 0, day_remark = 0;

    Week() {
        mark_id = mark(m1, borisov, "5", 500, "test");
        exec("INSERT INTO lesson_notes(lesson_id, topic, homework, updated_at) VALUES (" +
             std::to_string(m1) + ", 'Дроби', '№ 15, 16', 't')");
        exec("INSERT INTO lesson_notes(lesson_id, topic, updated_at) VALUES (" +
             std::to_string(r1) + ", 'Орфограммы', 't')");
        exec("INSERT INTO attendance(lesson_id, pupil_id, code, minutes_late, updated_at) "
             "VALUES (" + std::to_string(r1) + ", " + std::to_string(borisov) +
             ", 'late', 10, 't')");
        lesson_remark = remark(e1, "2026-09-09", "Отлично выступил");
        day_remark = remark(std::nullopt, "2026-09-10", "Забыл спортивную форму");
        store::Transaction tx(db());
        mother = store::insert_guardian(db(), 1, pupil("Борисова", "Ёлка", "Ивановна", "G-1"),
                                        "", "", "t");
        store::link_guardian(db(), mother, borisov, "мать");
        tx.commit();
    }

    void exec(const std::string& sql) {
        store::Transaction tx(db());
        db().exec(sql);
        tx.commit();
    }

    std::int64_t remark(std::optional<std::int64_t> lesson, const char* date, const char* text) {
        store::Transaction tx(db());
        store::Statement st = db().prepare(
            "INSERT INTO remarks(pupil_id, lesson_id, date, text, created_at) "
            "VALUES (?, ?, ?, ?, 't')");
        st.bind_all(borisov, lesson, std::string(date), std::string(text));
        st.run();
        auto id = db().last_insert_id();
        tx.commit();
        return id;
    }

    app::Actor mother_account() const {
        return app::Actor{9, "borisova.elka", mother,
                          {domain::Grant{domain::Role::guardian, domain::Scope::child, 1,
                                         std::nullopt, std::nullopt, std::nullopt, borisov}},
                          std::nullopt};
    }

    app::DiaryPage page(const std::string& who = "S-2") {
        return app::build_diary(*session, {who, test::day("2026-09-09")});
    }

    std::vector<std::vector<std::string>> unseen_rows() {
        auto doc = app::build_unseen_report(*session, {"5А", std::nullopt, std::nullopt});
        std::vector<std::vector<std::string>> out;
        for (const auto& row : doc.sections.front().table.rows) {
            auto& line = out.emplace_back();
            for (const auto& c : row) {
                line.push_back(cell(c));
            }
        }
        return out;
    }
};

}  // namespace

TEST_CASE("the diary shows a week's lessons, marks, absences and remarks", "[app][diary]") {
    test::PinnedClock clock(test::tuesday_17_november);
    Week s;
    auto page = s.page();
    CHECK(page.doc.orientation == report::Orientation::landscape);
    const auto& rows = page.doc.sections.front().table.rows;
    REQUIRE(rows.size() == 4);
    CHECK(cell(rows[0][0]) == "07.09.2026");
    CHECK(cell(rows[0][1]) == "пн");
    CHECK(cell(rows[0][3]) == "Математика");
    CHECK(cell(rows[0][4]) == "Дроби");
    CHECK(cell(rows[0][5]) == "№ 15, 16");
    CHECK(cell(rows[0][6]) == "5 (Контрольная работа)");
    CHECK(cell(rows[1][3]) == "Русский язык");
    CHECK(cell(rows[1][7]) == "ОП 10 мин");
    CHECK(cell(rows[2][3]) == "Английский язык");
    CHECK(cell(rows[2][8]) == "Отлично выступил");
    CHECK(cell(rows[3][0]) == "10.09.2026");
    CHECK(cell(rows[3][2]).empty());
    CHECK(cell(rows[3][8]) == "Забыл спортивную форму");
    // Абрамова was in 5А too, but not in the English subgroup, and has no marks.
    auto hers = app::build_diary(*s.session, {"S-1", test::day("2026-09-07")});
    CHECK(hers.doc.sections.front().table.rows.size() == 2);
    CHECK(hers.shown.size() == 1);  // the mathematics homework
}

TEST_CASE("a guardian's view leaves receipts, the first one only", "[app][diary]") {
    test::PinnedClock clock(test::tuesday_17_november);
    Week s;
    // Staff looking leave no receipt.
    CHECK(app::record_diary_seen(*s.session, s.page()) == 0);
    CHECK(s.unseen_rows().size() == 3);  // the mark and both remarks

    s.become(s.mother_account());
    auto page = s.page();
    CHECK(page.shown.size() == 4);  // a mark, two remarks, one homework
    CHECK(app::record_diary_seen(*s.session, page) == 4);
    auto first = store::seen_at(s.db(), {"mark", s.mark_id}, s.borisov, s.mother);
    REQUIRE(first);
    {
        test::PinnedClock later(test::tuesday_17_november + 86400);
        CHECK(app::record_diary_seen(*s.session, s.page()) == 0);
    }
    CHECK(store::seen_at(s.db(), {"mark", s.mark_id}, s.borisov, s.mother) == first);
    // Someone else's child is not hers to see.
    CHECK(test::exit_code_of([&] { s.page("S-1"); }) == ExitCode::no_permission);

    s.become(test::administrator());
    CHECK(s.unseen_rows().empty());
    store::Statement audit = s.db().prepare(
        "SELECT count(*) FROM audit_log WHERE action = 'diary.seen'");
    audit.step();
    CHECK(audit.get_int(0) == 1);

    // A receipt counts while its guardian is linked to the pupil.
    {
        store::Transaction tx(s.db());
        store::unlink_guardian(s.db(), s.mother, s.borisov);
        tx.commit();
    }
    auto rows = s.unseen_rows();
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][0] == "Борисов Пётр");
    CHECK(rows[0][3] == "отметка");
    CHECK(rows[0][4] == "5 (Контрольная работа)");
    CHECK(rows[0][5] == "—");
    CHECK(rows[2][4] == "Забыл спортивную форму");
}

TEST_CASE("the unseen report counts per pupil and names the guardians", "[app][diary]") {
    test::PinnedClock clock(test::tuesday_17_november);
    Week s;
    auto doc = app::build_unseen_report(*s.session, {"5А", test::day("2026-09-09"), std::nullopt});
    const auto& list = doc.sections.at(0).table.rows;
    REQUIRE(list.size() == 2);  // the remarks of 09.09 and 10.09; the mark was on 07.09
    CHECK(cell(list[0][5]) == "Борисова Ё. И.");
    const auto& counts = doc.sections.at(1).table.rows;
    REQUIRE(counts.size() == 1);  // Абрамова is in 5Б now
    CHECK(cell(counts[0][1]) == "Борисов Пётр");
    CHECK(cell(counts[0][2]) == "0");
    CHECK(cell(counts[0][3]) == "2");
    CHECK(cell(counts[0][4]) == "2");
    CHECK(test::exit_code_of([&] {
              app::build_unseen_report(*s.session,
                                       {"5А", test::day("2026-10-01"), test::day("2026-09-01")});
          }) == ExitCode::usage);
}
