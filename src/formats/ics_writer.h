#pragma once
// An iCalendar file (RFC 5545) of lessons, for phones and calendar apps: one VCALENDAR with the
// Moscow time zone and one VEVENT per lesson. Times are Moscow wall-clock times (TZID), so a
// lesson at 08:30 stays at 08:30 whatever zone the phone is in.
#include "domain/date.h"

#include <ctime>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace schoolctl::formats {

enum class IcsStatus { confirmed, cancelled };
// Whether the event makes its owner busy (OPAQUE) or not: a cancelled lesson does not.
enum class IcsBusy { opaque, transparent };

struct IcsEvent {
    // Stable from one export to the next, so that an app updates the event instead of adding a
    // second one.
    std::string uid;
    domain::Date date;    // the civil day in Moscow
    int start_minute = 0; // minutes since midnight, Moscow time
    int end_minute = 0;
    std::string summary;
    std::string location;    // left out when empty
    std::string description; // may hold newlines; left out when empty
    IcsStatus status = IcsStatus::confirmed;
    IcsBusy busy = IcsBusy::opaque;
    int sequence = 0; // revision: an app takes the event with the higher one
};

struct IcsCalendar {
    std::string name;      // X-WR-CALNAME: what the app lists the calendar as
    std::time_t stamp = 0; // DTSTAMP of every event (UTC): when the file was made
    std::vector<IcsEvent> events;
};

// The whole file: CRLF line ends, lines folded at 75 octets.
void write_ics(const IcsCalendar& calendar, std::ostream& out);

// A TEXT value with \ ; , and line breaks escaped; other control characters become spaces.
std::string ics_text(std::string_view value);

// One content line folded into physical lines of at most 75 octets each (a continuation line
// starts with a space, which counts), never inside a UTF-8 character; each ends with CRLF.
std::string ics_fold(std::string_view line);

} // namespace schoolctl::formats
