#pragma once
// A small school for journal tests, with lessons written one by one so each case is exact:
// 5А and 5Б, an English subgroup of 5А, and three pupils — Абрамова moves from 5А to 5Б on
// 16.11.2026, Борисов stays in 5А and its subgroup, Ветров joins 5Б only on 01.12.2026.
#include <memory>
#include <optional>
#include <string>

#include "app/init.h"
#include "app/session.h"
#include "store/connection.h"
#include "store/groups.h"
#include "store/period_locks.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "store/staff.h"
#include "store/subjects.h"
#include "store/timetable.h"
#include "support/temp_dir.h"

namespace schoolctl::test {

inline domain::Date day(const char* text) { return *domain::parse_date(text); }

inline domain::Settings journal_settings() {
    domain::Settings s;
    s.school_name = "Школа № 1";
    s.year_name = "2026/27";
    s.year_dates = domain::DateRange{day("2026-09-01"), day("2027-05-26")};
    s.periods = {{"Q1", "1 четверть", {day("2026-09-01"), day("2026-10-23")}, {}, std::nullopt},
                 {"Q2", "2 четверть", {day("2026-11-02"), day("2026-12-26")}, {}, std::nullopt}};
    return s;
}

inline app::Actor administrator() {
    return app::Actor{0, "admin", std::nullopt,
                      {domain::Grant{domain::Role::administrator, domain::Scope::all,
                                     std::nullopt, {}, {}, {}, {}}},
                      std::nullopt};
}

struct JournalSchool {
    TempDir dir;
    domain::Settings config;
    std::unique_ptr<app::Session> session;
    std::int64_t year = 0, c5a = 0, c5b = 0, english1 = 0;
    std::int64_t abramova = 0, borisov = 0, vetrov = 0;
    std::int64_t teacher = 0, math = 0, eng = 0, rus = 0;

    explicit JournalSchool(app::Actor actor = administrator(),
                           domain::Settings settings = journal_settings())
        : config(std::move(settings)) {
        app::init_database(dir / "s.db", config);
        auto db = store::open_database(dir / "s.db", 1000);
        {
            store::Transaction tx(*db);
            year = store::current_year(*db, 1, "2026-11-16")->id;
            c5a = store::insert_class(*db, year, 5, "А");
            c5b = store::insert_class(*db, year, 5, "Б");
            english1 = store::insert_group(*db, year, {0, "5А англ. 1", c5a, "subgroup"});
            abramova = store::insert_pupil(*db, 1, pupil("Абрамова", "Дарья", "Евгеньевна", "S-1"),
                                           "t");
            borisov = store::insert_pupil(*db, 1, pupil("Борисов", "Пётр", "", "S-2"), "t");
            vetrov = store::insert_pupil(*db, 1, pupil("Ветров", "Олег", "Ильич", "S-3"), "t");
            store::start_in_class(*db, abramova, c5a, "2026-09-01");
            store::move_to_class(*db, abramova, c5b, "2026-11-16");
            store::start_in_class(*db, borisov, c5a, "2026-09-01");
            store::join_group(*db, english1, borisov, "2026-09-01");
            store::start_in_class(*db, vetrov, c5b, "2026-12-01");
            teacher = store::insert_staff(*db, 1, pupil("Иванова", "Анна", "Петровна", "T-1"),
                                          "Учитель", "t");
            math = store::insert_subject(*db, 1, {0, "MATH", "Математика", "five_point"});
            eng = store::insert_subject(*db, 1, {0, "ENG", "Английский язык", "five_point"});
            rus = store::insert_subject(*db, 1, {0, "RUS", "Русский язык", "five_point"});
            tx.commit();
        }
        session = std::make_unique<app::Session>(std::move(db), std::move(actor), 1, "Школа № 1",
                                                 config);
    }

    static store::PersonFields pupil(const std::string& last, const std::string& first,
                                     const std::string& middle, const std::string& id) {
        std::string full = last + " " + first + (middle.empty() ? "" : " " + middle);
        return {last, first, middle, std::nullopt, id, domain::match_key(full)};
    }

    store::Database& db() { return session->db(); }

    // Acts as another account from now on (a teacher, a deputy head).
    void become(app::Actor actor) {
        session = std::make_unique<app::Session>(store::open_database(dir / "s.db", 1000),
                                                 std::move(actor), 1, "Школа № 1", config);
    }

    // A teacher of `subject` in a class, as the roster's teaching assignments make one.
    static app::Actor teacher_of(std::int64_t subject, std::int64_t klass) {
        return app::Actor{7, "ivanova.anna", std::nullopt,
                          {domain::Grant{domain::Role::teacher, domain::Scope::subject, 1, klass,
                                         std::nullopt, subject, std::nullopt}},
                          std::nullopt};
    }

    // A weekly rule of a class or a group with one lesson on `date` at `number`.
    std::int64_t lesson(std::optional<std::int64_t> klass, std::optional<std::int64_t> group,
                        std::int64_t subject, const char* date, int number) {
        store::Transaction tx(db());
        store::RuleRow r;
        r.year_id = year;
        r.class_id = klass;
        r.group_id = group;
        r.subject_id = subject;
        r.teacher_id = teacher;
        r.weekday = 1;
        r.lesson_no = number;
        r.valid_from = date;
        r.valid_to = date;
        r.source = "test";
        auto rule = store::insert_rule(db(), r, "t");
        store::LessonRow l;
        l.rule_id = rule;
        l.rule_date = date;
        l.date = date;
        l.lesson_no = number;
        l.teacher_id = teacher;
        store::insert_lesson(db(), l);
        auto id = db().last_insert_id();
        tx.commit();
        return id;
    }

    void set_state(std::int64_t lesson_id, const char* date, int number, const char* status) {
        store::Transaction tx(db());
        store::update_lesson_state(db(), {lesson_id, date, number, "", std::nullopt, status});
        tx.commit();
    }
};

}  // namespace schoolctl::test
