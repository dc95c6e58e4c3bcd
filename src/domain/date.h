#pragma once
// Civil dates (no time zone): the calendar of a school is a list of days, not instants.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

using Date = std::chrono::year_month_day;

// Accepts DD.MM.YYYY (Russian Excel) and YYYY-MM-DD (ISO 8601); rejects impossible dates
// such as 31.02.2012. Surrounding spaces are ignored.
std::optional<Date> parse_date(std::string_view text);

std::string format_iso(const Date& d);  // 2026-09-01
std::string format_ru(const Date& d);   // 01.09.2026

}  // namespace schoolctl::domain
