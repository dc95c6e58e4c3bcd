#include "app/school_calendar.h"

#include <algorithm>
#include <cstdio>

#include "domain/periodicity.h"
#include "domain/weekday.h"
#include "store/schools.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using domain::DayKind;
using domain::DayVerdict;

// "2–11", "1, 3–4": grades in runs.
std::string grade_runs(const std::vector<int>& grades) {
    std::string out;
    for (std::size_t i = 0; i < grades.size();) {
        std::size_t j = i;
        while (j + 1 < grades.size() && grades[j + 1] == grades[j] + 1) {
            ++j;
        }
        out += (out.empty() ? "" : ", ") + std::to_string(grades[i]);
        if (j > i) {
            out += "–" + std::to_string(grades[j]);
        }
        i = j + 1;
    }
    return out;
}

}  // namespace

SchoolCalendar school_calendar(store::YearCalendar year) {
    SchoolCalendar c;
    c.study.year = year.dates;
    c.study.holidays = year.holidays;
    c.study.production = year.production;
    c.study.default_week = year.days_per_week;
    for (int g : year.five_day_grades) {
        c.study.week_by_grade[g] = 5;
    }
    for (int g : year.six_day_grades) {
        c.study.week_by_grade[g] = 6;
    }
    c.week_a = year.week_a.value_or(year.dates.start);
    c.year = std::move(year);
    return c;
}

domain::RuleDates rule_dates(const store::RuleRow& rule, const Date& week_a) {
    domain::RuleDates d;
    d.weekday = rule.weekday;
    d.valid_from = *domain::parse_date(rule.valid_from);
    d.valid_to = *domain::parse_date(rule.valid_to);
    d.periodicity = std::get<domain::Periodicity>(domain::parse_periodicity(rule.periodicity));
    d.week_anchor = week_a;
    return d;
}

SchoolCalendar load_school_calendar(Session& session, const Date& day) {
    auto row = store::current_year(session.db(), session.school_id(), domain::format_iso(day));
    if (!row) {
        throw Error(ExitCode::config,
                    "the school has no academic year (set [academic_year] in schoolctl.toml and "
                    "run schoolctl calendar import)");
    }
    return school_calendar(store::read_year_calendar(session.db(), row->id));
}

report::Document calendar_month(const SchoolCalendar& calendar, std::chrono::year_month month,
                                std::optional<int> grade, const std::string& school_name) {
    using namespace std::chrono;
    report::Document doc;
    doc.kind = "calendar";
    doc.title = "Учебный календарь";
    doc.school = school_name;
    doc.meta.push_back({"Учебный год", calendar.year.name});
    report::Section section;
    section.key = "calendar";
    char heading[32];
    std::snprintf(heading, sizeof heading, "%02u.%04d", static_cast<unsigned>(month.month()),
                  static_cast<int>(month.year()));
    section.heading = heading;
    if (grade) {
        section.heading += ", " + std::to_string(*grade) + " класс";
    }
    section.table.columns = {{"Дата", 11},
                             {"День", 4},
                             {"Неделя", 6, report::Align::center},
                             {"Учатся классы", 13},
                             {"Не учатся: почему", 40},
                             {"Расписание", 14}};
    std::vector<int> grades;
    if (grade) {
        grades.push_back(*grade);
    } else {
        for (int g = 1; g <= 11; ++g) {
            grades.push_back(g);
        }
    }
    const auto last = sys_days{month / std::chrono::last};
    for (sys_days d = sys_days{month / 1}; d <= last; d += days{1}) {
        Date date{d};
        int weekday = static_cast<int>(std::chrono::weekday{d}.iso_encoding());
        std::vector<int> studying;
        std::vector<std::pair<std::string, std::vector<int>>> reasons;  // reason -> grades
        std::string timetable;
        for (int g : grades) {
            DayVerdict v = domain::study_day(calendar.study, date, g);
            if (v.study()) {
                studying.push_back(g);
                if (v.timetable_weekday != weekday) {
                    timetable = std::string{"как "} + domain::weekday_name(v.timetable_weekday);
                }
                continue;
            }
            auto it = std::find_if(reasons.begin(), reasons.end(),
                                   [&](const auto& r) { return r.first == v.reason; });
            if (it == reasons.end()) {
                reasons.push_back({v.reason, {g}});
            } else {
                it->second.push_back(g);
            }
        }
        std::string why;
        for (const auto& [reason, who] : reasons) {
            if (!why.empty()) {
                why += "; ";
            }
            why += (who.size() == grades.size() ? std::string{} : grade_runs(who) + ": ") + reason;
        }
        bool in_year = calendar.study.year.start <= date && date <= calendar.study.year.end;
        std::string week = in_year ? (domain::is_week_a(calendar.week_a, date) ? "А" : "Б") : "";
        section.table.rows.push_back({date, std::string{domain::weekday_short(weekday)}, week,
                                      studying.empty() ? std::string{"—"} : grade_runs(studying),
                                      why, timetable});
    }
    doc.sections.push_back(std::move(section));
    return doc;
}

}  // namespace schoolctl::app
