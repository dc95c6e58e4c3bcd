#pragma once
// The effective configuration (schoolctl.toml(5)) as plain values. Reading and layering the
// sources is in formats/config_reader and app/config_loader; nothing here does I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/attendance_code.h"
#include "domain/date.h"
#include "domain/mark_scale.h"
#include "domain/period_mark.h"

namespace schoolctl::domain {

struct DateRange {
    Date start;
    Date end;  // inclusive
};

struct AttestationPeriod {
    std::string code;  // "Q1": what users type in --period
    std::string name;  // «1 четверть»
    DateRange dates;
    std::vector<int> grades;  // grade levels it applies to; empty = all
    std::optional<int> min_marks;  // marks needed for a period mark; unset = marks.min_marks
};

struct Holiday {
    std::string name;  // «Осенние каникулы»
    DateRange dates;
    std::vector<int> grades;  // empty = all (1st grade's extra February holiday: {1})
};

struct Bell {
    int number = 0;     // lesson №
    std::string start;  // "08:30"
    std::string end;    // "09:15"
};

struct BellSchedule {
    std::string name;         // «Основное»
    std::vector<int> grades;  // empty = all
    std::vector<Bell> lessons;
    std::vector<std::string> classes;  // "5А": only these classes; empty = by grades
    std::vector<int> weekdays;         // 1 = Monday … 7; empty = every day
    std::optional<Date> from;          // only from this day (the 1st grade's 40-minute lessons
    std::optional<Date> to;            // from January); unset = the whole year
};

// One day of the production calendar («производственный календарь») that differs from the
// usual Monday–Friday week.
struct ProductionDay {
    enum class Kind {
        holiday,  // a public holiday: «День народного единства»
        day_off,  // a weekday made a day off (a holiday moved from a weekend)
        working,  // a day that works, usually a Saturday: «Saturday 26.12.2026 works as Friday»
    };
    Date date;
    Kind kind = Kind::holiday;
    std::string name;
    // working: the weekday (1 = Monday … 7 = Sunday) whose timetable the day follows; without it
    // a weekday keeps its own. Required for a Saturday or Sunday.
    std::optional<int> works_as;

    bool operator==(const ProductionDay&) const = default;
};

// A kind of work a mark is given for, with its weight in the period mark (DOMAIN.md).
struct WorkType {
    std::string code;  // what users type in --work-type and files: "test"
    std::string name;  // «Контрольная работа»
    int weight = 1;    // ≥ 1

    bool operator==(const WorkType&) const = default;
};

// The work types a school gets when its config names none.
const std::vector<WorkType>& default_work_types();

struct Settings {
    // [school]
    std::string school_name;
    std::string school_short_name;
    std::string school_external_id;
    std::string login_url;
    std::vector<std::string> rooms;  // empty: any room name is accepted
    // [database]
    std::string database_path = "school.db";
    int busy_timeout_ms = 5000;
    // [academic_year]
    std::string year_name;  // "2026/27"
    std::optional<DateRange> year_dates;
    int days_per_week = 5;
    std::vector<int> five_day_grades;  // grade levels with a 5-day week against days_per_week
    std::vector<int> six_day_grades;   // and with a 6-day week
    std::optional<Date> week_a;        // a day of the week that counts as week A
    std::vector<AttestationPeriod> periods;
    std::vector<Holiday> holidays;
    std::vector<BellSchedule> bells;
    std::vector<ProductionDay> production;
    // [marks]
    GradingPolicy grading;                          // rounding, thresholds, min_marks, no 5 with 2
    bool five_point_allows_one = false;             // «1» on the five-point scale
    std::vector<std::string> double_mark_subjects;  // subject codes that take «4/3»
    // Grade levels taught without marks (безотметочное обучение): no lesson, period or year
    // marks, and out of every mark indicator. The 1st grade by law; [] marks it too.
    std::vector<int> unmarked_grades = {1};
    int edit_days = 7;  // a teacher changes a mark up to this many days after its lesson
    std::string default_work_type = "answer";
    std::vector<WorkType> work_types = default_work_types();
    std::vector<MarkScale> custom_scales;  // [[scales]]
    // [attendance]
    AbsenceLabels absence_labels;
    // [reports]
    std::string report_language = "ru";
    std::string font_regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    std::string font_bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    std::string csv_dialect = "excel";  // "excel": ';' + BOM; "rfc4180": ',' no BOM
    // Signature lines under the printed forms: «Директор» or «Директор: Иванова А. А.».
    std::vector<std::string> report_signatures;
    // [accounts]
    int session_hours = 12;        // how long `schoolctl login` lasts
    int password_min_length = 12;  // never below 8 (NIST SP 800-63B)
    int activation_days = 14;      // how long an issued activation code works
    int lockout_after = 5;         // consecutive failed logins that lock an account
};

// Where one effective value came from, for `schoolctl config show`.
struct SettingOrigin {
    std::string value;   // as the user would write it in TOML
    std::string source;  // "default", "/etc/x.toml:12", "env SCHOOLCTL_DB", "flag --db"
};

// Dotted key ("database.path") -> origin, in schema order.
using SettingOrigins = std::vector<std::pair<std::string, SettingOrigin>>;

}  // namespace schoolctl::domain
