#include "store/schools.h"

#include "store/calendar.h"

namespace schoolctl::store {
namespace {

std::optional<std::string> non_empty(const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
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
        write_year_calendar(db, school_id, std::nullopt, calendar_of(s), CalendarParts{});
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
