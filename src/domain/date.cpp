#include "domain/date.h"

#include <cctype>
#include <cstdio>

namespace schoolctl::domain {
namespace {

bool all_digits(std::string_view s) {
    for (char c : s) {
        if (!std::isdigit(static_cast<unsigned char>(c))) {
            return false;
        }
    }
    return !s.empty();
}

int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) {
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) {
        s.remove_prefix(1);
    }
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) {
        s.remove_suffix(1);
    }
    return s;
}

std::optional<Date> make(int y, int m, int d) {
    Date date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
              std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) {
        return std::nullopt;
    }
    return date;
}

}  // namespace

std::optional<Date> parse_date(std::string_view text) {
    text = trim(text);
    if (text.size() == 10 && text[2] == '.' && text[5] == '.') {
        auto dd = text.substr(0, 2), mm = text.substr(3, 2), yy = text.substr(6, 4);
        if (all_digits(dd) && all_digits(mm) && all_digits(yy)) {
            return make(to_int(yy), to_int(mm), to_int(dd));
        }
    }
    if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
        auto yy = text.substr(0, 4), mm = text.substr(5, 2), dd = text.substr(8, 2);
        if (all_digits(dd) && all_digits(mm) && all_digits(yy)) {
            return make(to_int(yy), to_int(mm), to_int(dd));
        }
    }
    return std::nullopt;
}

std::string format_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

std::string format_ru(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u.%02u.%04d", static_cast<unsigned>(d.day()),
                  static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    return buf;
}

}  // namespace schoolctl::domain
