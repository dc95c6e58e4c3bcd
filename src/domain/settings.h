#pragma once
// The effective configuration (schoolctl.toml(5)) as plain values. Reading and layering the
// sources is in formats/config_reader and app/config_loader; nothing here does I/O.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.h"

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
};

struct Settings {
    // [school]
    std::string school_name;
    std::string school_short_name;
    std::string school_external_id;
    std::string login_url;
    // [database]
    std::string database_path = "school.db";
    int busy_timeout_ms = 5000;
    // [academic_year]
    std::string year_name;  // "2026/27"
    std::optional<DateRange> year_dates;
    int days_per_week = 5;
    std::vector<AttestationPeriod> periods;
    std::vector<Holiday> holidays;
    std::vector<BellSchedule> bells;
    // [reports]
    std::string report_language = "ru";
    std::string font_regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    std::string font_bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    std::string csv_dialect = "excel";  // "excel": ';' + BOM; "rfc4180": ',' no BOM
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
