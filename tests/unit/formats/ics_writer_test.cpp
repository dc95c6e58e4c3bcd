#include "formats/ics_writer.h"

#include <catch2/catch.hpp>
#include <sstream>
#include <string>
#include <vector>

using schoolctl::formats::ics_fold;
using schoolctl::formats::ics_text;
using schoolctl::formats::IcsBusy;
using schoolctl::formats::IcsCalendar;
using schoolctl::formats::IcsEvent;
using schoolctl::formats::IcsStatus;
using schoolctl::formats::write_ics;
using namespace std::chrono;

namespace {

// The physical lines of a file, each without its CRLF; fails on a bare LF or CR.
std::vector<std::string> physical_lines(const std::string& text) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos < text.size()) {
        std::size_t end = text.find("\r\n", pos);
        REQUIRE(end != std::string::npos);
        std::string line = text.substr(pos, end - pos);
        REQUIRE(line.find('\n') == std::string::npos);
        REQUIRE(line.find('\r') == std::string::npos);
        out.push_back(line);
        pos = end + 2;
    }
    return out;
}

// Whether `s` is well-formed UTF-8 (no sequence cut short, no stray continuation byte).
bool valid_utf8(const std::string& s) {
    for (std::size_t i = 0; i < s.size();) {
        auto c = static_cast<unsigned char>(s[i]);
        std::size_t n = c < 0x80           ? 1
                        : (c >> 5) == 0x6  ? 2
                        : (c >> 4) == 0xE  ? 3
                        : (c >> 3) == 0x1E ? 4
                                           : 0;
        if (n == 0 || i + n > s.size()) {
            return false;
        }
        for (std::size_t k = 1; k < n; ++k) {
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) {
                return false;
            }
        }
        i += n;
    }
    return true;
}

// Undo the folding: a CRLF followed by a space joins the lines.
std::string unfold(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.compare(i, 3, "\r\n ") == 0) {
            i += 2;
            continue;
        }
        out += text[i];
    }
    return out;
}

IcsEvent lesson(const std::string& uid, IcsStatus status) {
    IcsEvent e;
    e.uid = uid;
    e.date = 2027y / January / 18d;
    e.start_minute = 8 * 60 + 30;
    e.end_minute = 9 * 60 + 15;
    e.summary = "Математика, 5А";
    e.location = "203";
    e.description = "Урок 1\nУчитель: Иванова Анна Петровна";
    e.status = status;
    e.busy = status == IcsStatus::cancelled ? IcsBusy::transparent : IcsBusy::opaque;
    return e;
}

std::string render(const IcsCalendar& calendar) {
    std::ostringstream out;
    write_ics(calendar, out);
    return out.str();
}

} // namespace

TEST_CASE("ICS text values escape backslash, semicolon, comma and line breaks", "[formats][ics]") {
    CHECK(ics_text("Математика, 5А") == "Математика\\, 5А");
    CHECK(ics_text("a;b") == "a\\;b");
    CHECK(ics_text("C:\\temp") == "C:\\\\temp");
    CHECK(ics_text("один\nдва\r\nтри\rчетыре") == "один\\nдва\\nтри\\nчетыре");
    CHECK(ics_text("tab\there") == "tab\there");
    CHECK(ics_text(std::string("bell\x07"
                               "end")) == "bell end");
    CHECK(ics_text("кабинет: 204") == "кабинет: 204"); // a colon needs no escape in a value
}

TEST_CASE("ICS lines fold at 75 octets, never inside a UTF-8 character", "[formats][ics]") {
    SECTION("a short line stays one line") {
        CHECK(ics_fold("VERSION:2.0") == "VERSION:2.0\r\n");
        CHECK(ics_fold("") == "\r\n");
    }
    SECTION("exactly 75 octets is not folded, 76 is") {
        std::string line(75, 'x');
        CHECK(ics_fold(line) == line + "\r\n");
        CHECK(ics_fold(line + "y") == line + "\r\n y\r\n");
    }
    SECTION("ASCII: 75 octets, then a space and 74") {
        std::string line(200, 'a');
        auto lines = physical_lines(ics_fold(line));
        REQUIRE(lines.size() == 3);
        CHECK(lines[0].size() == 75);
        CHECK(lines[1] == " " + std::string(74, 'a'));
        CHECK(lines[2] == " " + std::string(51, 'a'));
    }
    SECTION("Cyrillic text of any alignment") {
        // Every offset of the letters against the fold: each «S» shifts them by one octet.
        auto shift = GENERATE(range(0, 4));
        std::string line = "SUMMARY:" + std::string(static_cast<std::size_t>(shift), 'S');
        for (int i = 0; i < 60; ++i) {
            line += "Ёж";
        }
        line += "€𝄞"; // three and four octets at the end
        std::string folded = ics_fold(line);
        for (const auto& physical : physical_lines(folded)) {
            CHECK(physical.size() <= 75);
            CHECK(valid_utf8(physical));
        }
        CHECK(unfold(folded) == line + "\r\n");
    }
}

TEST_CASE("ICS calendar: header, Moscow zone, events, CRLF", "[formats][ics]") {
    IcsCalendar calendar;
    calendar.name = "5А, расписание 2026/27";
    calendar.stamp = 1794819600; // 2026-11-16T09:00:00Z
    calendar.events.push_back(lesson("lesson-1@msk-1234", IcsStatus::confirmed));
    std::string text = render(calendar);
    auto lines = physical_lines(text);
    REQUIRE(lines.size() >= 2);
    CHECK(lines.front() == "BEGIN:VCALENDAR");
    CHECK(lines.back() == "END:VCALENDAR");
    std::string expected_event = "BEGIN:VEVENT\r\n"
                                 "UID:lesson-1@msk-1234\r\n"
                                 "DTSTAMP:20261116T090000Z\r\n"
                                 "DTSTART;TZID=Europe/Moscow:20270118T083000\r\n"
                                 "DTEND;TZID=Europe/Moscow:20270118T091500\r\n"
                                 "SUMMARY:Математика\\, 5А\r\n"
                                 "LOCATION:203\r\n"
                                 "DESCRIPTION:Урок 1\\nУчитель: Иванова Анна Петровна\r\n"
                                 "STATUS:CONFIRMED\r\n"
                                 "SEQUENCE:0\r\n"
                                 "TRANSP:OPAQUE\r\n"
                                 "END:VEVENT\r\n";
    INFO(text);
    // The description is longer than a line: it is compared unfolded.
    CHECK(unfold(text).find(expected_event) != std::string::npos);
    CHECK(text.find("\r\nVERSION:2.0\r\n") != std::string::npos);
    CHECK(text.find("\r\nPRODID:-//schoolctl//schoolctl ") != std::string::npos);
    CHECK(text.find("\r\nMETHOD:PUBLISH\r\n") != std::string::npos);
    CHECK(text.find("\r\nX-WR-CALNAME:5А\\, расписание 2026/27\r\n") != std::string::npos);
    CHECK(text.find("\r\nX-WR-TIMEZONE:Europe/Moscow\r\n") != std::string::npos);
    CHECK(text.find("BEGIN:VTIMEZONE\r\nTZID:Europe/Moscow\r\nBEGIN:STANDARD\r\n") !=
          std::string::npos);
    CHECK(text.find("TZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\n") != std::string::npos);
}

TEST_CASE("ICS cancelled event: STATUS:CANCELLED, its revision, not busy", "[formats][ics]") {
    IcsCalendar calendar;
    calendar.name = "5А";
    calendar.stamp = 0;
    IcsEvent e = lesson("lesson-2@schoolctl", IcsStatus::cancelled);
    e.sequence = 2;
    e.location.clear();
    e.description.clear();
    calendar.events.push_back(e);
    std::string text = render(calendar);
    CHECK(text.find("DTSTAMP:19700101T000000Z\r\n") != std::string::npos);
    CHECK(text.find("STATUS:CANCELLED\r\nSEQUENCE:2\r\nTRANSP:TRANSPARENT\r\n") !=
          std::string::npos);
    // Empty properties are left out rather than written empty.
    CHECK(text.find("LOCATION") == std::string::npos);
    CHECK(text.find("DESCRIPTION") == std::string::npos);
}

TEST_CASE("ICS long Cyrillic descriptions fold into lines of at most 75 octets", "[formats][ics]") {
    IcsCalendar calendar;
    calendar.name = "Очень длинное название календаря школы с кириллицей и запятыми, чтобы";
    IcsEvent e = lesson("lesson-3@msk-1234", IcsStatus::confirmed);
    e.description = "Урок 3\nУчитель: Константинопольская Александра Вячеславовна\nзамена: "
                    "Петрова М. И. вместо Константинопольская А. В.\nперенесён с 14.01.2027";
    calendar.events.push_back(e);
    std::string text = render(calendar);
    for (const auto& line : physical_lines(text)) {
        CHECK(line.size() <= 75);
        CHECK(valid_utf8(line));
    }
    CHECK(unfold(text).find("DESCRIPTION:" + ics_text(e.description) + "\r\n") !=
          std::string::npos);
}
