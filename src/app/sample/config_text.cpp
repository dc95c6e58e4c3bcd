#include "app/sample/config_text.h"

#include "domain/date.h"

#include <sstream>

namespace schoolctl::app::sample {
namespace {

// A TOML basic string: the generated values have no quotes or backslashes, but be safe.
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
        }
        out += c;
    }
    return out + '"';
}

std::string grades(const std::vector<int>& g) {
    std::string out = "[";
    for (std::size_t i = 0; i < g.size(); ++i) {
        out += (i ? ", " : "") + std::to_string(g[i]);
    }
    return out + "]";
}

// Hundredths as TOML's float: 460 → 4.60.
std::string decimal(int hundredths) {
    std::string frac = std::to_string(hundredths % 100);
    return std::to_string(hundredths / 100) + "." + (frac.size() < 2 ? "0" : "") + frac;
}

void rooms(std::ostream& out, const std::vector<std::string>& all) {
    std::string line = "rooms = [";
    bool first = true;
    for (const auto& r : all) {
        std::string item = quoted(r) + ",";
        // Room names are mostly Cyrillic: count bytes loosely, two per letter.
        if (!first && line.size() + item.size() > 120) {
            out << line << '\n';
            line = "         ";
        } else if (!first) {
            line += ' ';
        }
        line += item;
        first = false;
    }
    if (!all.empty()) {
        line.pop_back(); // the last comma
    }
    out << line << "]\n";
}

} // namespace

std::string config_text(const domain::Settings& s) {
    using domain::format_iso;
    std::ostringstream out;
    out << "# schoolctl.toml — a synthetic school written by `schoolctl sample generate`.\n"
           "# Every key is described in schoolctl.toml(5); `schoolctl config check` validates "
           "this file.\n\n";
    out << "[school]\n"
        << "name = " << quoted(s.school_name) << '\n'
        << "short_name = " << quoted(s.school_short_name) << '\n'
        << "external_id = " << quoted(s.school_external_id) << '\n'
        << "login_url = " << quoted(s.login_url) << '\n'
        << "# Rooms the timetable may name; a timetable row with another room is refused.\n";
    rooms(out, s.rooms);
    out << "\n[database]\n"
           "path = \"school.db\"                  # relative to the working directory\n"
           "busy_timeout_ms = 5000\n\n";
    out << "[academic_year]\n"
        << "name = " << quoted(s.year_name) << '\n'
        << "start = " << format_iso(s.year_dates->start) << '\n'
        << "end = " << format_iso(s.year_dates->end) << '\n'
        << "days_per_week = " << s.days_per_week
        << "                   # the 1st grade always studies 5 days\n"
        << "week_a = " << format_iso(*s.week_a) << '\n';
    out << "\n# Attestation periods.\n";
    for (const auto& p : s.periods) {
        out << "[[periods]]\ncode = " << quoted(p.code) << "\nname = " << quoted(p.name)
            << "\nstart = " << format_iso(p.dates.start) << "\nend = " << format_iso(p.dates.end)
            << "\n";
        if (!p.grades.empty()) {
            out << "grades = " << grades(p.grades) << '\n';
        }
        out << '\n';
    }
    out << "# Holidays. Public holidays and moved working days come from the production "
           "calendar below.\n";
    for (const auto& h : s.holidays) {
        out << "[[holidays]]\nname = " << quoted(h.name)
            << "\nstart = " << format_iso(h.dates.start) << "\nend = " << format_iso(h.dates.end)
            << '\n';
        if (!h.grades.empty()) {
            out << "grades = " << grades(h.grades) << '\n';
        }
        out << '\n';
    }
    out << "# The production calendar of the year's days (a sample, not the official decree).\n";
    for (const auto& d : s.production) {
        using Kind = domain::ProductionDay::Kind;
        const char* kind = d.kind == Kind::holiday   ? "holiday"
                           : d.kind == Kind::day_off ? "day_off"
                                                     : "working";
        out << "[[production]]\ndate = " << format_iso(d.date) << "\nkind = \"" << kind
            << "\"\nname = " << quoted(d.name) << '\n';
        if (d.works_as) {
            out << "works_as = " << *d.works_as << '\n';
        }
        out << '\n';
    }
    out << "# Bell schedules.\n";
    for (const auto& b : s.bells) {
        out << "[[bells]]\nname = " << quoted(b.name) << '\n';
        if (!b.grades.empty()) {
            out << "grades = " << grades(b.grades) << '\n';
        }
        if (b.from) {
            out << "from = " << format_iso(*b.from) << '\n';
        }
        if (b.to) {
            out << "to = " << format_iso(*b.to) << '\n';
        }
        out << "lessons = [\n";
        for (const auto& l : b.lessons) {
            out << "  { number = " << l.number << ", start = " << quoted(l.start)
                << ", end = " << quoted(l.end) << " },\n";
        }
        out << "]\n\n";
    }
    out << "[marks]\n"
        << "rounding = " << quoted(domain::rounding_name(s.grading.rounding)) << '\n'
        << "thresholds = [\n";
    for (const auto& t : s.grading.thresholds) {
        out << "  { mark = " << quoted(t.symbol) << ", from = " << decimal(t.from) << " },\n";
    }
    out << "]\n"
        << "min_marks = " << s.grading.min_marks
        << "                       # fewer marks in a quarter give «н/а»\n"
        << "no_five_with_two = " << (s.grading.no_five_with_two ? "true" : "false") << '\n'
        << "double_mark_subjects = [";
    for (std::size_t i = 0; i < s.double_mark_subjects.size(); ++i) {
        out << (i ? ", " : "") << quoted(s.double_mark_subjects[i]);
    }
    out << "]\nunmarked_grades = [";
    for (std::size_t i = 0; i < s.unmarked_grades.size(); ++i) {
        out << (i ? ", " : "") << s.unmarked_grades[i];
    }
    out << "]                 # taught without marks (безотметочное обучение)"
        << "\nedit_days = " << s.edit_days
        << "\ndefault_work_type = " << quoted(s.default_work_type) << "\n\n";
    for (const auto& w : s.work_types) {
        out << "[[work_types]]\ncode = " << quoted(w.code) << "\nname = " << quoted(w.name)
            << "\nweight = " << w.weight << "\n\n";
    }
    out << "[attendance]\n"
        << "unexcused = " << quoted(s.absence_labels.unexcused) << '\n'
        << "excused = " << quoted(s.absence_labels.excused) << '\n'
        << "ill = " << quoted(s.absence_labels.ill) << '\n'
        << "late = " << quoted(s.absence_labels.late) << "\n\n";
    out << "[reports]\n"
        << "language = " << quoted(s.report_language) << '\n'
        << "font = " << quoted(s.font_regular) << '\n'
        << "font_bold = " << quoted(s.font_bold) << '\n'
        << "csv_dialect = " << quoted(s.csv_dialect) << "\n\n";
    out << "[accounts]\n"
        << "session_hours = " << s.session_hours << '\n'
        << "password_min_length = " << s.password_min_length << '\n'
        << "activation_days = " << s.activation_days << '\n'
        << "lockout_after = " << s.lockout_after << '\n';
    return std::move(out).str();
}

} // namespace schoolctl::app::sample
