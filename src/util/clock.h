#pragma once
// Wall-clock time as schoolctl records it: UTC, ISO 8601, whole seconds.
#include <chrono>
#include <ctime>
#include <string>

#include "domain/date.h"

namespace schoolctl {

// Now, unless SOURCE_DATE_EPOCH is set (the reproducible-builds convention): then that instant,
// so generated reports and their metadata can be compared byte for byte.
std::time_t now_seconds();

std::string utc_iso(std::time_t t);                       // 2026-11-28T14:43:34Z
std::string utc_iso_now();
std::string utc_iso_after(std::time_t from, std::chrono::seconds delta);
domain::Date today_moscow();                              // the school's calendar day (UTC+3)
std::string today_iso();                                  // the same day, ISO: 2026-11-28
domain::Date moscow_date(std::time_t t);
// The instant a Moscow calendar day ends, in UTC: 2026-11-30 -> 2026-11-30T21:00:00Z. Codes
// and tokens valid "until 30.11.2026" work through that whole day.
std::string end_of_moscow_day(const domain::Date& d);
std::string format_moscow(std::time_t t);                 // 28.11.2026 17:43 for people

}  // namespace schoolctl
