// Expanding the timetable on a real database: a subgroup and a stream of two classes take
// their calendar from their classes, a second run writes nothing, a rule changed from a date
// changes only the lessons from then, and a lesson changed by hand survives its rule.
#include <catch2/catch.hpp>

#include "app/init.h"
#include "app/schedule_generate.h"
#include "app/session.h"
#include "store/calendar.h"
#include "store/groups.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "store/staff.h"
#include "store/subjects.h"
#include "store/timetable.h"
#include "support/temp_dir.h"
#include "util/crypto.h"

using namespace schoolctl;

namespace {

domain::Date day(const char* text) { return *domain::parse_date(text); }

domain::Settings settings() {
    domain::Settings s;
    s.school_name = "Школа № 1";
    s.year_name = "2026/27";
    s.year_dates = domain::DateRange{day("2026-09-01"), day("2027-05-26")};
    s.six_day_grades = {10};
    s.holidays = {{"Осенние каникулы", {day("2026-10-24"), day("2026-11-01")}, {}}};
    s.production = {{day("2026-11-04"), domain::ProductionDay::Kind::holiday, "", std::nullopt}};
    return s;
}

store::PersonFields person(const std::string& last, const std::string& id) {
    return {last, "Имя", "", std::nullopt, id, last + " имя"};
}

std::int64_t count(store::Database& db, const std::string& where) {
    store::Statement st = db.prepare("SELECT count(*) FROM lessons l JOIN timetable_rules r ON "
                                     "r.id = l.rule_id WHERE " + where);
    st.step();
    return st.get_int(0);
}

// 5А with two English subgroups; 10А and 10Б with a physics stream mixing them.
struct School {
    test::TempDir dir;
    domain::Settings config = settings();
    std::unique_ptr<app::Session> session;
    std::int64_t year = 0, c5a = 0, c10a = 0, c10b = 0, english1 = 0, stream = 0;
    std::int64_t teacher = 0, teacher2 = 0, eng = 0, phys = 0;

    School() {
        app::init_database(dir / "s.db", config);
        auto db = store::open_database(dir / "s.db", 1000);
        {
            store::Transaction tx(*db);
            year = store::current_year(*db, 1, "2026-11-16")->id;
            c5a = store::insert_class(*db, year, 5, "А");
            c10a = store::insert_class(*db, year, 10, "А");
            c10b = store::insert_class(*db, year, 10, "Б");
            english1 = store::insert_group(*db, year, {0, "5А англ. 1", c5a, "subgroup"});
            stream = store::insert_group(*db, year, {0, "10 физика", std::nullopt, "stream"});
            auto a = store::insert_pupil(*db, 1, person("Ёлкин", "S-1"), "t");
            auto b = store::insert_pupil(*db, 1, person("Зайцева", "S-2"), "t");
            store::start_in_class(*db, a, c10a, "2026-09-01");
            store::start_in_class(*db, b, c10b, "2026-09-01");
            store::join_group(*db, stream, a, "2026-09-01");
            store::join_group(*db, stream, b, "2026-09-01");
            teacher = store::insert_staff(*db, 1, person("Иванова", "T-1"), "Учитель", "t");
            teacher2 = store::insert_staff(*db, 1, person("Петрова", "T-2"), "Учитель", "t");
            eng = store::insert_subject(*db, 1, {0, "ENG", "Английский язык", "five_point"});
            phys = store::insert_subject(*db, 1, {0, "PHYS", "Физика", "five_point"});
            tx.commit();
        }
        app::Actor admin{0, "admin", std::nullopt,
                         {domain::Grant{domain::Role::administrator, domain::Scope::all,
                                        std::nullopt, {}, {}, {}, {}}},
                         std::nullopt};
        session = std::make_unique<app::Session>(std::move(db), admin, 1, "Школа № 1", config);
    }

    std::int64_t add_rule(std::optional<std::int64_t> klass, std::optional<std::int64_t> group,
                          std::int64_t subject, std::int64_t who, int weekday, int lesson,
                          const char* from = "2026-09-01", const char* to = "2027-05-26") {
        store::Transaction tx(session->db());
        store::RuleRow r;
        r.year_id = year;
        r.class_id = klass;
        r.group_id = group;
        r.subject_id = subject;
        r.teacher_id = who;
        r.weekday = weekday;
        r.lesson_no = lesson;
        r.valid_from = from;
        r.valid_to = to;
        r.source = "test";
        auto id = store::insert_rule(session->db(), r, "t");
        tx.commit();
        return id;
    }

    app::GenerateSummary generate() {
        return app::generate_schedule(*session, {day("2026-09-01"), day("2027-05-26"), false});
    }
};

}  // namespace

TEST_CASE("a subgroup and a stream take the calendar of their classes", "[app][generate]") {
    School s;
    s.add_rule(std::nullopt, s.english1, s.eng, s.teacher, 3, 2);  // Wednesdays
    s.add_rule(std::nullopt, s.stream, s.phys, s.teacher2, 6, 1);  // Saturdays: grade 10 only
    auto first = s.generate();
    // 39 Wednesdays from 02.09.2026 to 26.05.2027, less 28.10 (holidays) and 04.11 (a public
    // holiday).
    CHECK(count(s.session->db(), "r.group_id = " + std::to_string(s.english1)) == 37);
    // The stream of two 10th grades studies on Saturdays (their 6-day week): 38 Saturdays from
    // 05.09.2026 to 22.05.2027, less 24.10 and 31.10 in the holidays.
    CHECK(count(s.session->db(), "r.group_id = " + std::to_string(s.stream)) == 36);
    CHECK(first.created == 37 + 36);

    auto second = s.generate();
    CHECK(second.created == 0);
    CHECK(second.deleted == 0);
    CHECK(second.updated == 0);
    CHECK(second.unchanged == first.created);
}

TEST_CASE("a rule changed from a date changes only the lessons from then", "[app][generate]") {
    School s;
    auto old_rule = s.add_rule(s.c5a, std::nullopt, s.eng, s.teacher, 1, 1);
    s.generate();
    std::int64_t before_change = count(s.session->db(), "l.date < '2027-01-11'");
    {
        store::Transaction tx(s.session->db());
        auto rule = store::list_rules(s.session->db(), s.year).front();
        rule.valid_to = "2027-01-10";
        store::update_rule(s.session->db(), rule, "t");
        tx.commit();
    }
    s.add_rule(s.c5a, std::nullopt, s.eng, s.teacher2, 1, 1, "2027-01-11");
    auto changed = s.generate();
    CHECK(changed.deleted == changed.created);
    CHECK(changed.created > 0);
    CHECK(count(s.session->db(), "l.date < '2027-01-11' AND l.rule_id = " +
                                     std::to_string(old_rule)) == before_change);
    CHECK(count(s.session->db(), "l.date >= '2027-01-11' AND l.teacher_id = " +
                                     std::to_string(s.teacher)) == 0);
}

TEST_CASE("a lesson changed by hand is kept when its rule goes", "[app][generate]") {
    School s;
    s.add_rule(s.c5a, std::nullopt, s.eng, s.teacher, 1, 1);
    s.generate();
    std::int64_t lesson = 0;
    {
        store::Transaction tx(s.session->db());
        auto lessons = store::lessons_by_rule_date(s.session->db(), s.year, "2027-03-01",
                                                   "2027-03-01");
        REQUIRE(lessons.size() == 1);
        lesson = lessons.front().id;
        store::insert_lesson_change(s.session->db(),
                                    {lesson, "substitute", "t", std::nullopt, "{}", "{}", ""});
        auto rule = store::list_rules(s.session->db(), s.year).front();
        rule.valid_to = "2027-01-31";
        store::update_rule(s.session->db(), rule, "t");
        tx.commit();
    }
    auto result = s.generate();
    REQUIRE(result.conflicts.size() == 1);
    CHECK(result.conflicts.front().lesson == "5А, ENG, урок 1, 01.03.2027");
    CHECK(count(s.session->db(), "l.id = " + std::to_string(lesson)) == 1);
    CHECK(count(s.session->db(), "l.date > '2027-01-31'") == 1);
}
