#include "util/clock.h"

#include <cstdio>
#include <cstdlib>

namespace schoolctl {
namespace {

std::tm utc_tm(std::time_t t) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    return tm;
}

constexpr std::time_t moscow_offset = 3 * 3600;  // Moscow has kept UTC+3 since 2014

}  // namespace

std::time_t now_seconds() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch != nullptr && *epoch != '\0') {
        char* end = nullptr;
        long long v = std::strtoll(epoch, &end, 10);
        if (end != nullptr && *end == '\0' && v >= 0) {
            return static_cast<std::time_t>(v);
        }
    }
    return std::time(nullptr);
}

std::string utc_iso(std::time_t t) {
    std::tm tm = utc_tm(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string utc_iso_now() { return utc_iso(now_seconds()); }

std::string utc_iso_after(std::time_t from, std::chrono::seconds delta) {
    return utc_iso(from + static_cast<std::time_t>(delta.count()));
}

domain::Date today_moscow() { return moscow_date(now_seconds()); }

std::string today_iso() { return domain::format_iso(today_moscow()); }

std::string end_of_moscow_day(const domain::Date& d) { return domain::format_iso(d) + "T21:00:00Z"; }

domain::Date moscow_date(std::time_t t) {
    std::tm tm = utc_tm(t + moscow_offset);
    return domain::Date{std::chrono::year{tm.tm_year + 1900},
                        std::chrono::month{static_cast<unsigned>(tm.tm_mon + 1)},
                        std::chrono::day{static_cast<unsigned>(tm.tm_mday)}};
}

std::string format_moscow(std::time_t t) {
    std::tm tm = utc_tm(t + moscow_offset);
    char buf[32];
    std::strftime(buf, sizeof buf, "%d.%m.%Y %H:%M", &tm);
    return buf;
}

}  // namespace schoolctl
