#include "app/sample/school_year.h"

#include <algorithm>

namespace schoolctl::app::sample {
namespace {

using namespace std::chrono;

domain::Date day(int y, unsigned m, unsigned d) {
    return domain::Date{year{y}, month{m}, std::chrono::day{d}};
}

domain::BellSchedule bells(std::string name, std::vector<int> grades,
                           std::vector<std::pair<const char*, const char*>> times) {
    domain::BellSchedule b;
    b.name = std::move(name);
    b.grades = std::move(grades);
    int number = 0;
    for (const auto& [start, end] : times) {
        b.lessons.push_back({++number, start, end});
    }
    return b;
}

} // namespace

domain::Settings school_settings(const SchoolIdentity& school) {
    using Kind = domain::ProductionDay::Kind;
    domain::Settings s;
    const std::string n = std::to_string(school.number);
    s.school_name = "ГБОУ Школа № " + n;
    s.school_short_name = "Школа № " + n;
    s.school_external_id = "msk-" + n;
    s.login_url = "https://school.example.org/login";
    s.year_name = "2026/27";
    s.year_dates = domain::DateRange{day(2026, 9, 1), day(2027, 5, 26)};
    s.days_per_week = 5;
    s.week_a = day(2026, 9, 1);
    s.periods = {
        {"Q1", "1 четверть", {day(2026, 9, 1), day(2026, 10, 23)}, {}, {}},
        {"Q2", "2 четверть", {day(2026, 11, 2), day(2026, 12, 26)}, {}, {}},
        {"Q3", "3 четверть", {day(2027, 1, 11), day(2027, 3, 19)}, {}, {}},
        {"Q4", "4 четверть", {day(2027, 3, 29), day(2027, 5, 26)}, {}, {}},
    };
    s.holidays = {
        {"Осенние каникулы", {day(2026, 10, 24), day(2026, 11, 1)}, {}},
        {"Зимние каникулы", {day(2026, 12, 27), day(2027, 1, 10)}, {}},
        {"Дополнительные каникулы для первоклассников", {day(2027, 2, 13), day(2027, 2, 21)}, {1}},
        {"Весенние каникулы", {day(2027, 3, 20), day(2027, 3, 28)}, {}},
    };
    s.production = {
        {day(2026, 11, 4), Kind::holiday, "День народного единства", std::nullopt},
        {day(2026, 12, 26), Kind::working, "Рабочая суббота", 5},
        {day(2026, 12, 31), Kind::day_off, "Перенос с 3 января", std::nullopt},
        {day(2027, 2, 22), Kind::day_off, "Перенос выходного дня", std::nullopt},
        {day(2027, 2, 23), Kind::holiday, "День защитника Отечества", std::nullopt},
        {day(2027, 3, 8), Kind::holiday, "Международный женский день", std::nullopt},
        {day(2027, 5, 3), Kind::day_off, "Перенос с 1 мая", std::nullopt},
        {day(2027, 5, 10), Kind::day_off, "Перенос с 9 мая", std::nullopt},
    };
    s.bells.push_back(bells("Основное", {2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                            {{"08:30", "09:15"},
                             {"09:25", "10:10"},
                             {"10:30", "11:15"},
                             {"11:25", "12:10"},
                             {"12:20", "13:05"},
                             {"13:15", "14:00"},
                             {"14:10", "14:55"}}));
    auto autumn = bells("1 класс, сентябрь–декабрь", {1},
                        {{"08:30", "09:05"},
                         {"09:15", "09:50"},
                         {"10:30", "11:05"},
                         {"11:15", "11:50"},
                         {"12:00", "12:35"}});
    autumn.to = day(2026, 12, 31);
    s.bells.push_back(std::move(autumn));
    auto spring = bells("1 класс, январь–май", {1},
                        {{"08:30", "09:10"},
                         {"09:20", "10:00"},
                         {"10:40", "11:20"},
                         {"11:30", "12:10"},
                         {"12:20", "13:00"}});
    spring.from = day(2027, 1, 1);
    s.bells.push_back(std::move(spring));
    s.grading.rounding = domain::Rounding::thresholds;
    s.grading.thresholds = {{"5", 460}, {"4", 360}, {"3", 260}};
    s.grading.min_marks = 3;
    s.double_mark_subjects = {"RUS", "LIT"};
    s.work_types = {{"answer", "Ответ на уроке", 1},
                    {"homework", "Домашняя работа", 1},
                    {"independent", "Самостоятельная работа", 2},
                    {"dictation", "Диктант", 3},
                    {"test", "Контрольная работа", 3}};
    return s;
}

domain::StudyCalendar study_calendar(const domain::Settings& s) {
    domain::StudyCalendar c;
    c.year = *s.year_dates;
    c.holidays = s.holidays;
    c.production = s.production;
    c.default_week = s.days_per_week;
    return c;
}

int bell_lessons(const domain::Settings& s, int grade) {
    int most = 0;
    for (const auto& b : s.bells) {
        if (b.grades.empty() ||
            std::find(b.grades.begin(), b.grades.end(), grade) != b.grades.end()) {
            for (const auto& l : b.lessons) {
                most = std::max(most, l.number);
            }
        }
    }
    return most;
}

} // namespace schoolctl::app::sample
