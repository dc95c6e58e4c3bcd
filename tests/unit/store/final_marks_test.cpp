// The inputs of a period computation read from the database: which pupils a period has and in
// which class they count, which subjects each of them studies there (three date ranges that
// must share a day), the marks in pupil and subject order; and the stored rows, whose computed
// part and override are written apart.
#include <catch2/catch.hpp>

#include "../app/journal/journal_school.h"
#include "store/final_marks.h"
#include "store/groups.h"

using namespace schoolctl;
using Pairs = std::vector<std::pair<std::int64_t, std::int64_t>>;

namespace {

struct School : test::JournalSchool {
    Pairs pairs(const char* from, const char* to, store::FinalsScope scope = {}) {
        return store::period_subject_pairs(db(), year, from, to, scope);
    }
};

}  // namespace

TEST_CASE("a pupil has a subject where membership, rule and dates share a day", "[store][finals]") {
    School s;
    // 5А's mathematics on 10.11 only; 5Б's Russian on 17.11 only; English in 5А's subgroup.
    s.lesson(s.c5a, std::nullopt, s.math, "2026-11-10", 1);
    s.lesson(s.c5b, std::nullopt, s.rus, "2026-11-17", 1);
    s.lesson(std::nullopt, s.english1, s.eng, "2026-11-11", 2);
    // Абрамова: 5А until 15.11, 5Б from 16.11. Борисов: 5А and the subgroup. Ветров: 5Б from
    // 01.12, after 5Б's only Russian lesson.
    CHECK(s.pairs("2026-11-02", "2026-12-26") ==
          Pairs{{s.abramova, s.math}, {s.abramova, s.rus}, {s.borisov, s.math},
                {s.borisov, s.eng}});
    // Before Абрамова came to 5Б: no Russian for her.
    CHECK(s.pairs("2026-11-02", "2026-11-15") ==
          Pairs{{s.abramova, s.math}, {s.borisov, s.math}, {s.borisov, s.eng}});
    // Борисов leaves the subgroup from 11.11, the day of its lesson: no English for him.
    {
        store::Transaction tx(s.db());
        store::leave_group(s.db(), s.english1, s.borisov, "2026-11-11");
        tx.commit();
    }
    CHECK(s.pairs("2026-11-02", "2026-12-26", {std::nullopt, s.borisov, std::nullopt}) ==
          Pairs{{s.borisov, s.math}});
    // One class's pupils: those in 5Б at some time of the dates.
    CHECK(s.pairs("2026-11-02", "2026-12-26", {s.c5b, std::nullopt, std::nullopt}) ==
          Pairs{{s.abramova, s.math}, {s.abramova, s.rus}});
}

TEST_CASE("a pupil counts in the last class of the dates", "[store][finals]") {
    School s;
    auto all = store::period_pupils(s.db(), s.year, "2026-11-02", "2026-12-26", {});
    REQUIRE(all.size() == 3);
    CHECK(all[0].pupil_id == s.abramova);
    CHECK(all[0].class_name == "5Б");
    CHECK(all[0].grade == 5);
    CHECK(all[0].name.last == "Абрамова");
    CHECK(all[0].external_id == "S-1");
    auto q1 = store::period_pupils(s.db(), s.year, "2026-09-01", "2026-10-23", {});
    REQUIRE(q1.size() == 2);  // Ветров came in December
    CHECK(q1[0].class_name == "5А");
    auto of_5a = store::period_pupils(s.db(), s.year, "2026-11-02", "2026-12-26",
                                      {s.c5a, std::nullopt, std::nullopt});
    REQUIRE(of_5a.size() == 2);  // Абрамова was in 5А until 15.11: she is listed, as of 5Б
    CHECK(of_5a[0].class_name == "5Б");
}

TEST_CASE("the computed part and the override are written apart", "[store][finals]") {
    School s;
    store::FinalMarkKey key{s.year, s.borisov, s.math, "Q1"};
    store::Transaction tx(s.db());
    store::write_override(s.db(), key, "5", 3, "2026-10-26T09:00:00Z", "зачёт");
    store::write_computed(s.db(), key, {3, 1200, 3, 400, "4", "why"}, "2026-10-27T09:00:00Z");
    auto row = store::find_final_mark(s.db(), key);
    REQUIRE(row);
    CHECK(row->computed.computed == "4");
    CHECK(row->override_value == "5");
    CHECK(row->override_by == 3);
    CHECK(row->final_value == "5");
    store::write_override(s.db(), key, std::nullopt, std::nullopt, "t", "");
    row = store::find_final_mark(s.db(), key);
    CHECK_FALSE(row->override_value);
    CHECK(row->final_value == "4");
    CHECK(row->computed.mean == 400);
    CHECK(store::final_marks_of(s.db(), s.year, "Q1").size() == 1);
    CHECK(store::final_marks_of(s.db(), s.year, "Q2").empty());
    store::delete_final_mark(s.db(), key);
    CHECK_FALSE(store::find_final_mark(s.db(), key));
}
