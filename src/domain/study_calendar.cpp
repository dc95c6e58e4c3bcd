#include "domain/study_calendar.h"

#include <algorithm>
#include <chrono>

namespace schoolctl::domain {
namespace {

using std::chrono::sys_days;

int iso_weekday(const Date& d) {
    return static_cast<int>(std::chrono::weekday{sys_days{d}}.iso_encoding());
}

bool within(const Date& d, const DateRange& r) {
    return sys_days{d} >= sys_days{r.start} && sys_days{d} <= sys_days{r.end};
}

bool covers_grade(const std::vector<int>& grades, int grade) {
    return grades.empty() || std::find(grades.begin(), grades.end(), grade) != grades.end();
}

bool share_a_grade(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.empty() || b.empty()) {
        return true;
    }
    return std::any_of(a.begin(), a.end(), [&](int g) { return covers_grade(b, g); });
}

std::string range_ru(const DateRange& r) {
    return format_ru(r.start) + "–" + format_ru(r.end);
}

DayVerdict not_study(DayKind kind, std::string reason) {
    return {kind, 0, std::move(reason)};
}

std::string with_name(std::string what, const std::string& name) {
    return name.empty() ? what : what + ": " + name;
}

void check_week(std::vector<std::string>& out, const std::string& whose, int days) {
    if (days != 5 && days != 6) {
        out.push_back(whose + " has " + std::to_string(days) +
                      " study days a week; it must be 5 or 6");
    }
}

void check_holidays(std::vector<std::string>& out, const StudyCalendar& c) {
    for (std::size_t i = 0; i < c.holidays.size(); ++i) {
        const Holiday& h = c.holidays[i];
        if (sys_days{h.dates.start} > sys_days{h.dates.end}) {
            out.push_back("holiday «" + h.name + "» " + range_ru(h.dates) +
                          " ends before it starts");
            continue;
        }
        if (!within(h.dates.start, c.year) || !within(h.dates.end, c.year)) {
            out.push_back("holiday «" + h.name + "» " + range_ru(h.dates) +
                          " is not inside the academic year " + range_ru(c.year));
        }
        for (int g : h.grades) {
            if (g < 1 || g > 11) {
                out.push_back("holiday «" + h.name + "» names grade " + std::to_string(g) +
                              "; grades are 1–11");
            }
        }
        for (std::size_t j = 0; j < i; ++j) {
            const Holiday& e = c.holidays[j];
            const bool overlap = sys_days{h.dates.start} <= sys_days{e.dates.end} &&
                                 sys_days{e.dates.start} <= sys_days{h.dates.end};
            if (overlap && share_a_grade(h.grades, e.grades)) {
                out.push_back("holiday «" + h.name + "» " + range_ru(h.dates) + " overlaps «" +
                              e.name + "» " + range_ru(e.dates));
            }
        }
    }
}

void check_production(std::vector<std::string>& out, const StudyCalendar& c) {
    for (std::size_t i = 0; i < c.production.size(); ++i) {
        const ProductionDay& p = c.production[i];
        const std::string day = format_ru(p.date);
        for (std::size_t j = 0; j < i; ++j) {
            if (c.production[j].date == p.date) {
                const bool one_works = (p.kind == ProductionDay::Kind::working) !=
                                       (c.production[j].kind == ProductionDay::Kind::working);
                out.push_back(
                    day +
                    (one_works ? " is both a working day and a day off" : " is listed twice") +
                    " in the production calendar");
                break;
            }
        }
        if (p.works_as && p.kind != ProductionDay::Kind::working) {
            out.push_back(day + " does not work, so it cannot work as weekday " +
                          std::to_string(*p.works_as));
        } else if (p.works_as && (*p.works_as < 1 || *p.works_as > 7)) {
            out.push_back(day + " works as weekday " + std::to_string(*p.works_as) +
                          "; weekdays are 1 (Monday) to 7 (Sunday)");
        } else if (p.kind == ProductionDay::Kind::working && !p.works_as &&
                   iso_weekday(p.date) >= 6) {
            out.push_back("the working " +
                          std::string{iso_weekday(p.date) == 6 ? "Saturday" : "Sunday"} + " " +
                          day + " needs the weekday whose timetable it follows");
        }
    }
}

} // namespace

int week_length(const StudyCalendar& calendar, int grade) {
    if (auto it = calendar.week_by_grade.find(grade); it != calendar.week_by_grade.end()) {
        return it->second;
    }
    return grade == 1 ? 5 : calendar.default_week;
}

DayVerdict study_day(const StudyCalendar& calendar, const Date& date, int grade) {
    if (!date.ok() || !within(date, calendar.year)) {
        return not_study(DayKind::outside_year, "вне учебного года");
    }
    for (const Holiday& h : calendar.holidays) {
        if (within(date, h.dates) && covers_grade(h.grades, grade)) {
            return not_study(DayKind::school_holiday, with_name("каникулы", h.name));
        }
    }
    const auto production = std::find_if(calendar.production.begin(), calendar.production.end(),
                                         [&](const ProductionDay& p) { return p.date == date; });
    const int own = iso_weekday(date);
    if (production != calendar.production.end()) {
        switch (production->kind) {
        case ProductionDay::Kind::holiday:
            return not_study(DayKind::public_holiday, with_name("праздник", production->name));
        case ProductionDay::Kind::day_off:
            return not_study(DayKind::day_off, with_name("выходной", production->name));
        case ProductionDay::Kind::working:
            return {DayKind::study, production->works_as.value_or(own), ""};
        }
    }
    if (own > week_length(calendar, grade)) {
        return not_study(DayKind::weekend, "выходной");
    }
    return {DayKind::study, own, ""};
}

std::vector<std::string> calendar_problems(const StudyCalendar& calendar) {
    std::vector<std::string> out;
    if (sys_days{calendar.year.start} > sys_days{calendar.year.end}) {
        out.push_back("the academic year " + range_ru(calendar.year) + " ends before it starts");
    }
    check_holidays(out, calendar);
    check_production(out, calendar);
    check_week(out, "the default week", calendar.default_week);
    for (const auto& [grade, days] : calendar.week_by_grade) {
        const std::string whose = "grade " + std::to_string(grade);
        if (grade < 1 || grade > 11) {
            out.push_back("a week length is set for grade " + std::to_string(grade) +
                          "; grades are 1–11");
        } else if (grade == 1 && days == 6) {
            out.push_back("the 1st grade always has a 5-day week, not 6");
        } else {
            check_week(out, whose, days);
        }
    }
    return out;
}

} // namespace schoolctl::domain
