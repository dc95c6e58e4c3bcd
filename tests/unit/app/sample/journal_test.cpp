#include "app/sample/curriculum.h"
#include "app/sample/journal.h"
#include "app/sample/lessons.h"
#include "sample_school.h"

#include <catch2/catch.hpp>
#include <chrono>
#include <map>
#include <set>
#include <tuple>

using namespace schoolctl;
using namespace schoolctl::app::sample;
using schoolctl::test::SampleSchool;

namespace {

struct Written {
    std::string marks, attendance;
    JournalStats stats;
};

Written journal(SampleSchool& s, const domain::DateRange& range) {
    Written w;
    w.stats = write_journal(
        s.rng, s.roster, s.timetable, s.settings, range, [&](std::string_view t) { w.marks += t; },
        [&](std::string_view t) { w.attendance += t; });
    return w;
}

// The rows of a ';' file, header first (the BOM skipped).
std::vector<std::vector<std::string>> rows(const std::string& text) {
    std::vector<std::vector<std::string>> out;
    std::size_t at = 3; // the BOM
    while (at < text.size()) {
        const std::size_t end = text.find("\r\n", at);
        std::string line = text.substr(at, end - at);
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (;;) {
            const std::size_t semi = line.find(';', from);
            fields.push_back(line.substr(from, semi - from));
            if (semi == std::string::npos) {
                break;
            }
            from = semi + 1;
        }
        out.push_back(std::move(fields));
        at = end + 2;
    }
    return out;
}

domain::DateRange q1(const SampleSchool& s) {
    return s.settings.periods.front().dates;
}

} // namespace

TEST_CASE("journal files have the headers marks import and attendance import read",
          "[sample][journal]") {
    SampleSchool s(120, 1);
    const auto w = journal(s, q1(s));
    CHECK(w.marks.rfind("\xEF\xBB\xBFУченик;Класс;Предмет;Дата;Урок;Отметка;Вид работы;"
                        "Комментарий\r\n",
                        0) == 0);
    CHECK(w.attendance.rfind("\xEF\xBB\xBFУченик;Класс;Предмет;Дата;Урок;Код;Минуты;"
                             "Примечание\r\n",
                             0) == 0);
    CHECK(static_cast<long>(rows(w.marks).size()) == w.stats.marks + 1);
}

TEST_CASE("marks and absences fall on the pupil's real lessons, never both at once",
          "[sample][journal]") {
    SampleSchool s(300, 2);
    const auto range = q1(s);
    const auto w = journal(s, range);
    // (date, lesson, subject, class) of every lesson of the quarter, and who was in it.
    std::set<std::tuple<std::string, std::string, std::string, std::string, std::string>> seats;
    for (const auto& l : dated_lessons(s.roster, s.timetable, s.settings, range)) {
        const domain::Date date{std::chrono::sys_days{range.start} + std::chrono::days{l.day}};
        const auto& cls = s.roster.classes[static_cast<std::size_t>(l.klass)];
        const auto& members =
            l.group >= 0 ? s.roster.groups[static_cast<std::size_t>(l.group)].pupils : cls.pupils;
        for (int p : members) {
            seats.emplace(s.roster.pupils[static_cast<std::size_t>(p)].id, cls.name,
                          subjects()[static_cast<std::size_t>(l.subject)].code,
                          domain::format_ru(date), std::to_string(l.lesson));
        }
    }
    std::set<std::tuple<std::string, std::string, std::string>> absent; // pupil, date, lesson
    const auto att = rows(w.attendance);
    for (std::size_t i = 1; i < att.size(); ++i) {
        const auto& r = att[i];
        CHECK(seats.count({r[0], r[1], r[2], r[3], r[4]}) == 1);
        if (r[5] != "ОП") {
            absent.emplace(r[0], r[3], r[4]);
        }
    }
    const auto marks = rows(w.marks);
    for (std::size_t i = 1; i < marks.size(); ++i) {
        const auto& r = marks[i];
        CHECK(seats.count({r[0], r[1], r[2], r[3], r[4]}) == 1);
        CHECK(absent.count({r[0], r[3], r[4]}) == 0);
        CHECK(!(r[1].rfind("1", 0) == 0 && r[1].size() == 3)); // no marks in grade 1 (1А…)
    }
}

TEST_CASE("most marks are 4 and 5, some 3, few 2; a few pupils head for «н/а»",
          "[sample][journal]") {
    SampleSchool s(600, 3);
    const auto w = journal(s, q1(s));
    // Shares in per mille.
    const auto& v = w.stats.by_value;
    auto share = [&](long n) { return n * 1000 / w.stats.marks; };
    CHECK(share(v[4] + v[5]) > 700);
    CHECK(share(v[3]) > 80);
    CHECK(share(v[3]) < 300);
    CHECK(share(v[2]) > 5);
    CHECK(share(v[2]) < 80);
    // Marks per (pupil, subject): the rule is three or more, a few have fewer.
    std::map<std::pair<std::string, std::string>, int> per;
    const auto marks = rows(w.marks);
    for (std::size_t i = 1; i < marks.size(); ++i) {
        ++per[{marks[i][0], marks[i][2]}];
    }
    int fewer = 0;
    for (const auto& [key, n] : per) {
        fewer += n < 3 ? 1 : 0;
    }
    CHECK(fewer > 0);
    CHECK(fewer < static_cast<int>(per.size()) / 50);
    // Work types all appear, dictations as «4/3».
    std::set<std::string> works;
    bool double_mark = false;
    for (std::size_t i = 1; i < marks.size(); ++i) {
        works.insert(marks[i][6]);
        double_mark = double_mark || marks[i][5].find('/') != std::string::npos;
    }
    CHECK(works.size() == 5);
    CHECK(double_mark);
}

TEST_CASE("absences cluster in the flu weeks, mostly as illness", "[sample][journal]") {
    SampleSchool s(600, 4);
    const auto range = q1(s);
    const auto w = journal(s, range);
    REQUIRE(w.stats.flu_weeks.size() == 2);
    CHECK(w.stats.ill > w.stats.unexcused + w.stats.excused);
    CHECK(w.stats.late > 0);
    std::map<long, int> ill_by_week; // Monday as days since the epoch
    for (const auto& r : rows(w.attendance)) {
        if (r[5] == "Б") {
            const auto d = *domain::parse_date(r[3]);
            const auto days = std::chrono::sys_days{d}.time_since_epoch().count();
            const auto monday = days - (days + 3) % 7; // 1970-01-01 was a Thursday
            ++ill_by_week[static_cast<long>(monday)];
        }
    }
    std::set<long> flu;
    for (const auto& m : w.stats.flu_weeks) {
        flu.insert(static_cast<long>(std::chrono::sys_days{m}.time_since_epoch().count()));
    }
    int flu_ill = 0, other_ill = 0, other_weeks = 0;
    for (const auto& [week, n] : ill_by_week) {
        if (flu.count(week)) {
            flu_ill += n;
        } else {
            other_ill += n;
            ++other_weeks;
        }
    }
    // A flu week has several times the illness of an ordinary one.
    CHECK(flu_ill / 2 > 3 * other_ill / std::max(1, other_weeks));
    INFO(flu_ill / 2 << " a flu week, " << other_ill / std::max(1, other_weeks) << " another");
}

TEST_CASE("the same seed writes the same journal", "[sample][journal]") {
    SampleSchool a(200, 8), b(200, 8), c(200, 9);
    const auto wa = journal(a, q1(a));
    const auto wb = journal(b, q1(b));
    const auto wc = journal(c, q1(c));
    CHECK(wa.marks == wb.marks);
    CHECK(wa.attendance == wb.attendance);
    CHECK(wa.marks != wc.marks);
}

TEST_CASE("a year of journal: the second half keeps the PE teacher change and A/B weeks",
          "[sample][journal]") {
    SampleSchool s(700, 5);
    const auto year = *s.settings.year_dates;
    const auto lessons = dated_lessons(s.roster, s.timetable, s.settings, year);
    // No lesson on a holiday, a public holiday or a weekend.
    const auto calendar = study_calendar(s.settings);
    for (const auto& l : lessons) {
        const domain::Date d{std::chrono::sys_days{year.start} + std::chrono::days{l.day}};
        const int grade = s.roster.classes[static_cast<std::size_t>(l.klass)].grade;
        REQUIRE(domain::study_day(calendar, d, grade).study());
    }
    const auto w = journal(s, year);
    CHECK(w.stats.flu_weeks.size() == 8);
    CHECK(w.stats.marks > 100'000);
}
