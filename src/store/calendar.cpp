#include "store/calendar.h"

#include <charconv>

namespace schoolctl::store {
namespace {

using domain::Date;
using domain::format_iso;
using Kind = domain::ProductionDay::Kind;

std::string joined(const std::vector<int>& numbers) {
    std::string out;
    for (int n : numbers) {
        out += (out.empty() ? "" : ",") + std::to_string(n);
    }
    return out;
}

std::string joined(const std::vector<std::string>& texts) {
    std::string out;
    for (const auto& t : texts) {
        out += (out.empty() ? "" : ",") + t;
    }
    return out;
}

std::vector<std::string> split(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string::npos) {
            comma = text.size();
        }
        out.push_back(text.substr(start, comma - start));
        start = comma + 1;
    }
    return out;
}

std::vector<int> numbers(const std::string& text) {
    std::vector<int> out;
    for (const auto& part : split(text)) {
        int n = 0;
        std::from_chars(part.data(), part.data() + part.size(), n);
        out.push_back(n);
    }
    return out;
}

// Dates in the database were checked on the way in (CHECK date(x) = x).
Date date_of(const std::string& iso) {
    return *domain::parse_date(iso);
}

const char* kind_text(Kind kind) {
    switch (kind) {
    case Kind::holiday:
        return "holiday";
    case Kind::day_off:
        return "day_off";
    case Kind::working:
        return "working";
    }
    return "holiday";
}

Kind kind_of(const std::string& text) {
    return text == "working" ? Kind::working : text == "day_off" ? Kind::day_off : Kind::holiday;
}

void insert_production(Database& db, std::int64_t year_id,
                       const std::vector<domain::ProductionDay>& days) {
    Statement st = db.prepare(
        "INSERT INTO production_days(year_id, date, kind, name, works_as) VALUES (?, ?, ?, ?, ?)");
    for (const auto& d : days) {
        st.bind_all(year_id, format_iso(d.date), kind_text(d.kind), d.name, d.works_as);
        st.run();
        st.reset();
    }
}

void replace_parts(Database& db, std::int64_t year_id, const YearCalendar& c,
                   const CalendarParts& parts) {
    if (parts.periods) {
        db.prepare("DELETE FROM attestation_periods WHERE year_id = ?").bind_all(year_id).run();
        Statement st = db.prepare(
            "INSERT INTO attestation_periods(year_id, code, name, start_date, end_date, grades, "
            "min_marks) VALUES (?, ?, ?, ?, ?, ?, ?)");
        for (const auto& p : c.periods) {
            st.bind_all(year_id, p.code, p.name, format_iso(p.dates.start),
                        format_iso(p.dates.end), joined(p.grades), p.min_marks);
            st.run();
            st.reset();
        }
    }
    if (parts.holidays) {
        db.prepare("DELETE FROM holidays WHERE year_id = ?").bind_all(year_id).run();
        Statement st = db.prepare(
            "INSERT INTO holidays(year_id, name, start_date, end_date, grades) "
            "VALUES (?, ?, ?, ?, ?)");
        for (const auto& h : c.holidays) {
            st.bind_all(year_id, h.name, format_iso(h.dates.start), format_iso(h.dates.end),
                        joined(h.grades));
            st.run();
            st.reset();
        }
    }
    if (parts.bells) {
        db.prepare("DELETE FROM bell_schedules WHERE year_id = ?").bind_all(year_id).run();
        Statement schedule = db.prepare(
            "INSERT INTO bell_schedules(year_id, name, grades, classes, weekdays, from_date, "
            "to_date) VALUES (?, ?, ?, ?, ?, ?, ?)");
        Statement bell = db.prepare(
            "INSERT INTO bells(schedule_id, number, start_time, end_time) VALUES (?, ?, ?, ?)");
        for (const auto& b : c.bells) {
            std::optional<std::string> from, to;
            if (b.from) {
                from = format_iso(*b.from);
            }
            if (b.to) {
                to = format_iso(*b.to);
            }
            schedule.bind_all(year_id, b.name, joined(b.grades), joined(b.classes),
                              joined(b.weekdays), from, to);
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
    if (parts.production) {
        db.prepare("DELETE FROM production_days WHERE year_id = ?").bind_all(year_id).run();
        insert_production(db, year_id, c.production);
    }
}

}  // namespace

std::optional<std::int64_t> find_year(Database& db, std::int64_t school_id,
                                      const std::string& name) {
    Statement st = db.prepare("SELECT id FROM academic_years WHERE school_id = ? AND name = ?");
    st.bind_all(school_id, name);
    if (st.step() != Step::row) {
        return std::nullopt;
    }
    return st.get_int(0);
}

std::int64_t write_year_calendar(Database& db, std::int64_t school_id,
                                 std::optional<std::int64_t> year_id, const YearCalendar& c,
                                 const CalendarParts& parts) {
    std::optional<std::string> week_a;
    if (c.week_a) {
        week_a = format_iso(*c.week_a);
    }
    if (year_id) {
        db.prepare(
              "UPDATE academic_years SET start_date = ?, end_date = ?, days_per_week = ?, "
              "five_day_grades = ?, six_day_grades = ?, week_a = ? WHERE id = ?")
            .bind_all(format_iso(c.dates.start), format_iso(c.dates.end), c.days_per_week,
                      joined(c.five_day_grades), joined(c.six_day_grades), week_a, *year_id)
            .run();
    } else {
        db.prepare(
              "INSERT INTO academic_years(school_id, name, start_date, end_date, days_per_week, "
              "five_day_grades, six_day_grades, week_a) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bind_all(school_id, c.name, format_iso(c.dates.start), format_iso(c.dates.end),
                      c.days_per_week, joined(c.five_day_grades), joined(c.six_day_grades),
                      week_a)
            .run();
        year_id = db.last_insert_id();
    }
    replace_parts(db, *year_id, c, parts);
    return *year_id;
}

YearCalendar read_year_calendar(Database& db, std::int64_t year_id) {
    YearCalendar c;
    c.year_id = year_id;
    {
        Statement st = db.prepare(
            "SELECT name, start_date, end_date, days_per_week, five_day_grades, six_day_grades, "
            "week_a FROM academic_years WHERE id = ?");
        st.bind_all(year_id);
        if (st.step() != Step::row) {
            return c;
        }
        c.name = st.get_text(0);
        c.dates = {date_of(st.get_text(1)), date_of(st.get_text(2))};
        c.days_per_week = static_cast<int>(st.get_int(3));
        c.five_day_grades = numbers(st.get_text(4));
        c.six_day_grades = numbers(st.get_text(5));
        if (auto a = st.get_optional_text(6)) {
            c.week_a = date_of(*a);
        }
    }
    {
        Statement st = db.prepare(
            "SELECT code, name, start_date, end_date, grades, min_marks FROM attestation_periods "
            "WHERE year_id = ? ORDER BY start_date, id");
        st.bind_all(year_id);
        while (st.step() == Step::row) {
            std::optional<int> min_marks;
            if (auto n = st.get_optional_int(5)) {
                min_marks = static_cast<int>(*n);
            }
            c.periods.push_back({st.get_text(0), st.get_text(1),
                                 {date_of(st.get_text(2)), date_of(st.get_text(3))},
                                 numbers(st.get_text(4)), min_marks});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT name, start_date, end_date, grades FROM holidays WHERE year_id = ? "
            "ORDER BY start_date, id");
        st.bind_all(year_id);
        while (st.step() == Step::row) {
            c.holidays.push_back({st.get_text(0),
                                  {date_of(st.get_text(1)), date_of(st.get_text(2))},
                                  numbers(st.get_text(3))});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT s.id, s.name, s.grades, s.classes, s.weekdays, b.number, b.start_time, "
            "b.end_time, s.from_date, s.to_date FROM bell_schedules s "
            "JOIN bells b ON b.schedule_id = s.id WHERE s.year_id = ? ORDER BY s.id, b.number");
        st.bind_all(year_id);
        std::int64_t last = 0;
        while (st.step() == Step::row) {
            if (st.get_int(0) != last) {
                last = st.get_int(0);
                domain::BellSchedule b{st.get_text(1), numbers(st.get_text(2)), {},
                                       split(st.get_text(3)), numbers(st.get_text(4)),
                                       std::nullopt, std::nullopt};
                if (auto from = st.get_optional_text(8)) {
                    b.from = date_of(*from);
                }
                if (auto to = st.get_optional_text(9)) {
                    b.to = date_of(*to);
                }
                c.bells.push_back(std::move(b));
            }
            c.bells.back().lessons.push_back(
                {static_cast<int>(st.get_int(5)), st.get_text(6), st.get_text(7)});
        }
    }
    {
        Statement st = db.prepare(
            "SELECT date, kind, name, works_as FROM production_days WHERE year_id = ? "
            "ORDER BY date");
        st.bind_all(year_id);
        while (st.step() == Step::row) {
            std::optional<int> as;
            if (auto w = st.get_optional_int(3)) {
                as = static_cast<int>(*w);
            }
            c.production.push_back(
                {date_of(st.get_text(0)), kind_of(st.get_text(1)), st.get_text(2), as});
        }
    }
    return c;
}

void replace_production_days(Database& db, std::int64_t year_id, const Date& from, const Date& to,
                             const std::vector<domain::ProductionDay>& days) {
    db.prepare("DELETE FROM production_days WHERE year_id = ? AND date BETWEEN ? AND ?")
        .bind_all(year_id, format_iso(from), format_iso(to))
        .run();
    insert_production(db, year_id, days);
}

YearCalendar calendar_of(const domain::Settings& s) {
    YearCalendar c;
    c.name = s.year_name;
    if (s.year_dates) {
        c.dates = *s.year_dates;
    }
    c.days_per_week = s.days_per_week;
    c.five_day_grades = s.five_day_grades;
    c.six_day_grades = s.six_day_grades;
    c.week_a = s.week_a;
    c.periods = s.periods;
    c.holidays = s.holidays;
    c.bells = s.bells;
    c.production = s.production;
    return c;
}

}  // namespace schoolctl::store

namespace schoolctl::store {

std::vector<YearSpan> list_years(Database& db, std::int64_t school_id) {
    Statement st = db.prepare(
        "SELECT id, name, start_date, end_date FROM academic_years WHERE school_id = ? "
        "ORDER BY start_date");
    st.bind_all(school_id);
    std::vector<YearSpan> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_int(0), st.get_text(1),
                       {*domain::parse_date(st.get_text(2)), *domain::parse_date(st.get_text(3))}});
    }
    return out;
}

}  // namespace schoolctl::store
