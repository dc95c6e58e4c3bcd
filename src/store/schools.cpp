#include "store/schools.h"

namespace schoolctl::store {
namespace {

std::string grades_text(const std::vector<int>& grades) {
    std::string out;
    for (int g : grades) {
        out += (out.empty() ? "" : ",") + std::to_string(g);
    }
    return out;
}

std::optional<std::string> non_empty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

void insert_calendar(Database& db, std::int64_t year_id, const domain::Settings& s) {
    Statement period = db.prepare(
        "INSERT INTO attestation_periods(year_id, code, name, start_date, end_date, grades) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    for (const auto& p : s.periods) {
        period.bind_all(year_id, p.code, p.name, domain::format_iso(p.dates.start),
                        domain::format_iso(p.dates.end), grades_text(p.grades));
        period.run();
        period.reset();
    }
    Statement holiday = db.prepare(
        "INSERT INTO holidays(year_id, name, start_date, end_date, grades) VALUES (?, ?, ?, ?, ?)");
    for (const auto& h : s.holidays) {
        holiday.bind_all(year_id, h.name, domain::format_iso(h.dates.start),
                         domain::format_iso(h.dates.end), grades_text(h.grades));
        holiday.run();
        holiday.reset();
    }
    Statement schedule =
        db.prepare("INSERT INTO bell_schedules(year_id, name, grades) VALUES (?, ?, ?)");
    Statement bell = db.prepare(
        "INSERT INTO bells(schedule_id, number, start_time, end_time) VALUES (?, ?, ?, ?)");
    for (const auto& b : s.bells) {
        schedule.bind_all(year_id, b.name, grades_text(b.grades));
        schedule.run();
        schedule.reset();
        std::int64_t schedule_id = db.last_insert_id();
        for (const auto& lesson : b.lessons) {
            bell.bind_all(schedule_id, lesson.number, lesson.start, lesson.end);
            bell.run();
            bell.reset();
        }
    }
}

}  // namespace

std::int64_t insert_school(Database& db, const domain::Settings& s, const std::string& now) {
    Statement school = db.prepare(
        "INSERT INTO schools(name, short_name, external_id, login_url, created_at) "
        "VALUES (?, ?, ?, ?, ?)");
    school.bind_all(s.school_name, s.school_short_name, non_empty(s.school_external_id),
                    s.login_url, now);
    school.run();
    std::int64_t school_id = db.last_insert_id();
    if (s.year_dates) {
        Statement year = db.prepare(
            "INSERT INTO academic_years(school_id, name, start_date, end_date, days_per_week) "
            "VALUES (?, ?, ?, ?, ?)");
        year.bind_all(school_id, s.year_name, domain::format_iso(s.year_dates->start),
                      domain::format_iso(s.year_dates->end), s.days_per_week);
        year.run();
        insert_calendar(db, db.last_insert_id(), s);
    }
    return school_id;
}

std::vector<SchoolRow> list_schools(Database& db) {
    Statement st = db.prepare(
        "SELECT id, name, short_name, coalesce(external_id, ''), login_url FROM schools ORDER BY id");
    std::vector<SchoolRow> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3),
                       st.get_text(4)});
    }
    return out;
}

std::optional<YearRow> current_year(Database& db, std::int64_t school_id, const std::string& date) {
    Statement st = db.prepare(
        "SELECT id, name, start_date, end_date FROM academic_years WHERE school_id = ?1 "
        "ORDER BY (start_date <= ?2 AND ?2 <= end_date) DESC, start_date DESC LIMIT 1");
    st.bind(1, school_id);
    st.bind(2, date);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return YearRow{st.get_int(0), st.get_text(1), st.get_text(2), st.get_text(3)};
}

}  // namespace schoolctl::store
