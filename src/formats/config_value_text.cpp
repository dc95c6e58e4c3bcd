// Values written back as TOML text, for `config show` and the defaults in the schema table.
#include "domain/date.h"
#include "domain/mark_scale.h"
#include "formats/config_keys.h"

#include <cstdio>

namespace schoolctl::formats {
namespace {

// A TOML basic string. Cyrillic stays as UTF-8: the text is for people to read.
std::string quoted(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
        auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (u < 0x20 || u == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(u));
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string list(const std::vector<int>& ints) {
    std::string out = "[";
    for (std::size_t i = 0; i < ints.size(); ++i) {
        out += (i ? ", " : "") + std::to_string(ints[i]);
    }
    return out + "]";
}

std::string list(const std::vector<std::string>& texts) {
    std::string out = "[";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        out += (i ? ", " : "") + quoted(texts[i]);
    }
    return out + "]";
}

std::string range_and_grades(const domain::DateRange& dates, const std::vector<int>& grades) {
    std::string out =
        ", start = " + domain::format_iso(dates.start) + ", end = " + domain::format_iso(dates.end);
    if (!grades.empty()) {
        out += ", grades = " + list(grades);
    }
    return out;
}

std::string entry(const domain::AttestationPeriod& p) {
    std::string out = "{ code = " + quoted(p.code) + ", name = " + quoted(p.name) +
                      range_and_grades(p.dates, p.grades);
    if (p.min_marks) {
        out += ", min_marks = " + std::to_string(*p.min_marks);
    }
    return out + " }";
}

std::string entry(const domain::Holiday& h) {
    return "{ name = " + quoted(h.name) + range_and_grades(h.dates, h.grades) + " }";
}

std::string entry(const domain::Bell& b) {
    return "{ number = " + std::to_string(b.number) + ", start = " + quoted(b.start) +
           ", end = " + quoted(b.end) + " }";
}

std::string entry(const domain::BellSchedule& s) {
    std::string out = "{ name = " + quoted(s.name);
    if (!s.grades.empty()) {
        out += ", grades = " + list(s.grades);
    }
    if (!s.classes.empty()) {
        out += ", classes = " + list(s.classes);
    }
    if (!s.weekdays.empty()) {
        out += ", weekdays = " + list(s.weekdays);
    }
    if (s.from) {
        out += ", from = " + domain::format_iso(*s.from);
    }
    if (s.to) {
        out += ", to = " + domain::format_iso(*s.to);
    }
    out += ", lessons = [";
    for (std::size_t i = 0; i < s.lessons.size(); ++i) {
        out += (i ? ", " : "") + entry(s.lessons[i]);
    }
    return out + "] }";
}

const char* kind_name(domain::ProductionDay::Kind kind) {
    switch (kind) {
    case domain::ProductionDay::Kind::holiday:
        return "holiday";
    case domain::ProductionDay::Kind::day_off:
        return "day_off";
    case domain::ProductionDay::Kind::working:
        return "working";
    }
    return "";
}

std::string entry(const domain::ProductionDay& d) {
    std::string out = "{ date = " + domain::format_iso(d.date) + ", kind = " +
                      quoted(kind_name(d.kind));
    if (!d.name.empty()) {
        out += ", name = " + quoted(d.name);
    }
    if (d.works_as) {
        out += ", works_as = " + std::to_string(*d.works_as);
    }
    return out + " }";
}

// Hundredths as a TOML float: 460 is 4.60.
std::string decimal(int hundredths) {
    return domain::format_points(hundredths);
}

std::string entry(const domain::Threshold& t) {
    return "{ mark = " + quoted(t.symbol) + ", from = " + decimal(t.from) + " }";
}

std::string entry(const domain::WorkType& w) {
    return "{ code = " + quoted(w.code) + ", name = " + quoted(w.name) +
           ", weight = " + std::to_string(w.weight) + " }";
}

std::string entry(const domain::ScaleSymbol& s) {
    return "{ symbol = " + quoted(s.symbol) + ", value = " + decimal(s.points) + " }";
}

std::string entry(const domain::MarkScale& m) {
    std::string pass;
    for (const auto& s : m.symbols) {
        if (s.points == m.pass_points) {
            pass = s.symbol; // the lowest passing symbol is the last one of that value
        }
    }
    std::string out = "{ code = " + quoted(m.code) + ", name = " + quoted(m.name) +
                      ", pass = " + quoted(pass) + ", symbols = [";
    for (std::size_t i = 0; i < m.symbols.size(); ++i) {
        out += (i ? ", " : "") + entry(m.symbols[i]);
    }
    return out + "] }";
}

template <typename T> std::string entries(const std::vector<T>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        out += (i ? ", " : "") + entry(items[i]);
    }
    return out + "]";
}

struct ToToml {
    std::string operator()(std::monostate) const { return {}; }
    std::string operator()(const std::string& s) const { return quoted(s); }
    std::string operator()(std::int64_t i) const { return std::to_string(i); }
    std::string operator()(bool b) const { return b ? "true" : "false"; }
    std::string operator()(const domain::Date& d) const { return domain::format_iso(d); }
    std::string operator()(const std::vector<int>& v) const { return list(v); }
    std::string operator()(const std::vector<std::string>& v) const { return list(v); }
    template <typename T> std::string operator()(const std::vector<T>& v) const {
        return entries(v);
    }
};

} // namespace

std::string to_toml(const ConfigValue& value) {
    return std::visit(ToToml{}, value);
}

} // namespace schoolctl::formats
