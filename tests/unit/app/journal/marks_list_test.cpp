// `marks list`: a pupil's or a class's marks over dates or a period, and who may see which: a
// guardian their child only, a subject teacher their subject, the administrator everything.
#include <catch2/catch.hpp>

#include "app/journal/marks_entry.h"
#include "app/journal/marks_list.h"
#include "journal_school.h"
#include "pinned_clock.h"
#include "report/listing.h"
#include "support/exit_code.h"

using namespace schoolctl;
using test::day;

namespace {

struct Listed : test::JournalSchool {
    test::PinnedClock clock{test::tuesday_17_november};
    Listed() {
        lesson(c5a, std::nullopt, math, "2026-10-02", 1);
        lesson(c5a, std::nullopt, math, "2026-11-10", 2);
        lesson(c5a, std::nullopt, rus, "2026-11-10", 3);
        lesson(c5b, std::nullopt, math, "2026-11-17", 4);
        give("S-1", "MATH", "02.10.2026", "5");  // Абрамова in 5А
        give("S-2", "MATH", "10.11.2026", "4");
        give("S-1", "MATH", "10.11.2026", "3");
        give("S-2", "RUS", "10.11.2026", "5");
        give("S-1", "MATH", "17.11.2026", "4");  // Абрамова, now in 5Б
    }
    void give(const char* pupil, const char* subject, const char* date, const char* value) {
        app::AddMark m;
        m.pupil = pupil;
        m.subject = subject;
        m.date = *domain::parse_date(date);
        m.value = value;
        app::add_mark(*session, m);
    }
    // The listing's rows as "pupil surname subject value" lines.
    std::vector<std::string> rows(const app::MarkListRequest& r) {
        auto doc = app::list_marks(*session, r);
        std::vector<std::string> out;
        for (const auto& row : report::listing_rows(doc)) {
            out.push_back(std::get<std::string>(row[3]).substr(0, std::get<std::string>(row[3]).find(' ')) +
                          " " + std::get<std::string>(row[4]) + " " + std::get<std::string>(row[5]));
        }
        return out;
    }
};

app::MarkListRequest of_class(const char* klass) {
    app::MarkListRequest r;
    r.class_name = klass;
    return r;
}

app::MarkListRequest of_pupil(const char* pupil) {
    app::MarkListRequest r;
    r.pupil = pupil;
    return r;
}

}  // namespace

TEST_CASE("a class's marks are its pupils' on each lesson's day", "[app][marks]") {
    Listed s;
    // Абрамова's 17.11 mark was given in 5Б, after she moved: 5А does not list it.
    CHECK(s.rows(of_class("5А")) ==
          std::vector<std::string>{"Абрамова Математика 5", "Абрамова Математика 3",
                                   "Борисов Математика 4", "Борисов Русский язык 5"});
    CHECK(s.rows(of_class("5Б")) == std::vector<std::string>{"Абрамова Математика 4"});
    auto q1 = of_class("5А");
    q1.period = "Q1";
    CHECK(s.rows(q1) == std::vector<std::string>{"Абрамова Математика 5"});
    auto dates = of_pupil("S-1");
    dates.from = day("2026-11-01");
    dates.to = day("2026-11-16");
    CHECK(s.rows(dates) == std::vector<std::string>{"Абрамова Математика 3"});
    auto russian = of_class("5А");
    russian.subject = "RUS";
    CHECK(s.rows(russian) == std::vector<std::string>{"Борисов Русский язык 5"});
}

TEST_CASE("a guardian lists their child's marks only, a teacher their subject's",
          "[app][marks]") {
    Listed s;
    s.become(app::Actor{9, "borisova", std::nullopt,
                        {domain::Grant{domain::Role::guardian, domain::Scope::child, 1, {}, {}, {},
                                       s.borisov}},
                        std::nullopt});
    CHECK(s.rows(of_pupil("S-2")) ==
          std::vector<std::string>{"Борисов Математика 4", "Борисов Русский язык 5"});
    CHECK(test::exit_code_of([&] { s.rows(of_pupil("S-1")); }) == ExitCode::no_permission);
    CHECK(test::exit_code_of([&] { s.rows(of_class("5А")); }) == ExitCode::no_permission);

    s.become(test::JournalSchool::teacher_of(s.math, s.c5a));
    CHECK(s.rows(of_class("5А")) ==
          std::vector<std::string>{"Абрамова Математика 5", "Абрамова Математика 3",
                                   "Борисов Математика 4"});
    auto russian = of_class("5А");
    russian.subject = "RUS";
    CHECK(test::exit_code_of([&] { s.rows(russian); }) == ExitCode::no_permission);
    CHECK(test::exit_code_of([&] { s.rows(of_class("5Б")); }) == ExitCode::no_permission);
}
