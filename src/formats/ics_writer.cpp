#include "formats/ics_writer.h"

#include "version.h"

#include <algorithm>
#include <cstdio>

namespace schoolctl::formats {
namespace {

constexpr std::string_view tzid = "Europe/Moscow";

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

std::string local_time(const domain::Date& d, int minute) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d%02u%02uT%02d%02d00", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()), minute / 60,
                  minute % 60);
    return buf;
}

std::string utc_time(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

class Lines {
  public:
    explicit Lines(std::ostream& out) : out_(out) {}
    void raw(std::string_view line) { out_ << ics_fold(line); }
    void text(std::string_view name, std::string_view value) {
        raw(std::string(name) + ":" + ics_text(value));
    }

  private:
    std::ostream& out_;
};

// Moscow has kept UTC+3 all year since 26 October 2014, and a timetable never reaches back
// that far: one STANDARD rule is the whole truth for it. Apps that know the zone by its TZID
// use their own database anyway.
void write_moscow_timezone(Lines& lines) {
    lines.raw("BEGIN:VTIMEZONE");
    lines.raw("TZID:" + std::string(tzid));
    lines.raw("BEGIN:STANDARD");
    lines.raw("DTSTART:19700101T000000");
    lines.raw("TZOFFSETFROM:+0300");
    lines.raw("TZOFFSETTO:+0300");
    lines.raw("TZNAME:MSK");
    lines.raw("END:STANDARD");
    lines.raw("END:VTIMEZONE");
}

void write_event(Lines& lines, const IcsEvent& e, const std::string& stamp) {
    const std::string zone = ";TZID=" + std::string(tzid) + ":";
    lines.raw("BEGIN:VEVENT");
    lines.text("UID", e.uid);
    lines.raw("DTSTAMP:" + stamp);
    lines.raw("DTSTART" + zone + local_time(e.date, e.start_minute));
    lines.raw("DTEND" + zone + local_time(e.date, e.end_minute));
    lines.text("SUMMARY", e.summary);
    if (!e.location.empty()) {
        lines.text("LOCATION", e.location);
    }
    if (!e.description.empty()) {
        lines.text("DESCRIPTION", e.description);
    }
    lines.raw(e.status == IcsStatus::cancelled ? "STATUS:CANCELLED" : "STATUS:CONFIRMED");
    lines.raw("SEQUENCE:" + std::to_string(e.sequence));
    lines.raw(e.busy == IcsBusy::transparent ? "TRANSP:TRANSPARENT" : "TRANSP:OPAQUE");
    lines.raw("END:VEVENT");
}

} // namespace

std::string ics_text(std::string_view value) {
    std::string out;
    out.reserve(value.size());
    for (std::size_t i = 0; i < value.size(); ++i) {
        char c = value[i];
        switch (c) {
        case '\\':
            out += "\\\\";
            break;
        case ';':
            out += "\\;";
            break;
        case ',':
            out += "\\,";
            break;
        case '\r':
            if (i + 1 < value.size() && value[i + 1] == '\n') {
                ++i;
            }
            out += "\\n";
            break;
        case '\n':
            out += "\\n";
            break;
        default:
            // TEXT allows no control characters but TAB (RFC 5545, 3.3.11).
            bool control = (static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F;
            out += control ? ' ' : c;
        }
    }
    return out;
}

std::string ics_fold(std::string_view line) {
    constexpr std::size_t limit = 75; // octets, without the CRLF (RFC 5545, 3.1)
    std::string out;
    std::size_t pos = 0;
    bool first = true;
    do {
        std::size_t room = first ? limit : limit - 1; // a continuation starts with a space
        std::size_t take = std::min(room, line.size() - pos);
        if (pos + take < line.size()) {
            while (take > 0 && continuation_byte(line[pos + take])) {
                --take;
            }
            if (take == 0) { // not UTF-8 at all: split where the octets say
                take = room;
            }
        }
        if (!first) {
            out += ' ';
        }
        out.append(line.substr(pos, take));
        out += "\r\n";
        pos += take;
        first = false;
    } while (pos < line.size());
    return out;
}

void write_ics(const IcsCalendar& calendar, std::ostream& out) {
    Lines lines(out);
    lines.raw("BEGIN:VCALENDAR");
    lines.raw("VERSION:2.0");
    lines.raw("PRODID:-//schoolctl//schoolctl " SCHOOLCTL_VERSION "//RU");
    lines.raw("CALSCALE:GREGORIAN");
    lines.raw("METHOD:PUBLISH");
    lines.text("X-WR-CALNAME", calendar.name);
    lines.raw("X-WR-TIMEZONE:" + std::string(tzid));
    write_moscow_timezone(lines);
    const std::string stamp = utc_time(calendar.stamp);
    for (const auto& e : calendar.events) {
        write_event(lines, e, stamp);
    }
    lines.raw("END:VCALENDAR");
}

} // namespace schoolctl::formats
