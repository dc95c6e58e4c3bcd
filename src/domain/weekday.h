#pragma once
// Weekdays as timetables write them: 1 = Monday … 7 = Sunday (ISO 8601), or a Russian or English
// name, full or short: «Понедельник», «пн», «Пн.», "Mon", "monday".
#include <optional>
#include <string_view>

namespace schoolctl::domain {

std::optional<int> parse_weekday(std::string_view text);

const char* weekday_name(int iso_weekday);   // «понедельник»; "" outside 1–7
const char* weekday_short(int iso_weekday);  // «пн»

}  // namespace schoolctl::domain
