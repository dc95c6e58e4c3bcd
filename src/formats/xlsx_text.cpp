#include "formats/xlsx_text.h"

#include <array>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>

namespace schoolctl::formats::xlsx {
namespace {

std::string_view trim_xml_space(std::string_view s) {
    const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.front())) {
        s.remove_prefix(1);
    }
    while (!s.empty() && space(s.back())) {
        s.remove_suffix(1);
    }
    return s;
}

char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    c = lower(c);
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

// The code unit of an "_xHHHH_" escape at `i`, or -1.
long escape_at(const std::string& s, std::size_t i) {
    if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') {
        return -1;
    }
    long unit = 0;
    for (std::size_t k = i + 2; k < i + 6; ++k) {
        const int d = hex_digit(s[k]);
        if (d < 0) {
            return -1;
        }
        unit = unit * 16 + d;
    }
    return unit;
}

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string two_digits(long long n) {
    return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)};
}

std::string time_text(long long seconds_of_day) {
    return two_digits(seconds_of_day / 3600) + ":" + two_digits(seconds_of_day / 60 % 60) + ":" +
           two_digits(seconds_of_day % 60);
}

} // namespace

NumberKind builtin_format_kind(std::uint32_t id) {
    if ((id >= 14 && id <= 17) || id == 22) {
        return NumberKind::date;
    }
    if ((id >= 18 && id <= 21) || (id >= 45 && id <= 47)) {
        return NumberKind::time;
    }
    return NumberKind::number;
}

NumberKind format_code_kind(std::string_view code) {
    bool day_or_year = false, time = false, m = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = lower(code[i]);
        if (c == '"') { // literal text
            const std::size_t close = code.find('"', i + 1);
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == '\\' || c == '_' || c == '*') { // escaped, space-as-wide-as, fill char
            ++i;
        } else if (c == '[') { // colour, condition, locale; or elapsed time [h] [mm] [ss]
            const std::size_t close = code.find(']', i + 1);
            const std::string_view inside =
                code.substr(i + 1, (close == std::string_view::npos ? code.size() : close) - i - 1);
            time |= !inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos;
            i = close == std::string_view::npos ? code.size() : close;
        } else if (c == 'd' || c == 'y') {
            day_or_year = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        } else if (c == 'm') { // a month, or minutes next to h or s
            m = true;
        }
    }
    if (day_or_year) {
        return NumberKind::date;
    }
    if (time) {
        return NumberKind::time;
    }
    return m ? NumberKind::date : NumberKind::number;
}

std::optional<double> parse_number(std::string_view raw) {
    std::string_view s = trim_xml_space(raw);
    if (!s.empty() && s.front() == '+') {
        s.remove_prefix(1);
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size() || !std::isfinite(value)) {
        return std::nullopt;
    }
    return value;
}

std::string number_text(std::string_view raw) {
    const std::optional<double> value = parse_number(raw);
    return value ? number_text(*value) : std::string(raw);
}

std::string number_text(double value) {
    if (value == 0) {
        return "0"; // also -0
    }
    std::array<char, 64> buf{};
    // Excel keeps 15 significant digits and shows no more: 0.1 + 0.2 is 0.3 there.
    auto r =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::general, 15);
    double shown = value;
    std::from_chars(buf.data(), r.ptr, shown);
    // Positional notation where Excel's General format uses it; otherwise an exponent would
    // make 1000000 read "1e+06".
    const double magnitude = std::fabs(shown);
    r = magnitude >= 1e-5 && magnitude < 1e15
            ? std::to_chars(buf.data(), buf.data() + buf.size(), shown, std::chars_format::fixed)
            : std::to_chars(buf.data(), buf.data() + buf.size(), shown);
    return std::string(buf.data(), r.ptr);
}

std::optional<std::string> serial_date_text(double serial, bool date1904, NumberKind kind) {
    using namespace std::chrono;
    if (!std::isfinite(serial) || serial < 0 || serial > 3e6) {
        return std::nullopt;
    }
    const long long total = std::llround(serial * 86400.0); // to the second, as Excel shows
    const long long day = total / 86400, second = total % 86400;
    if (kind == NumberKind::time && day == 0) {
        return time_text(second);
    }
    std::string text;
    if (!date1904 && day == 60) {
        // Lotus 1-2-3 took 1900 for a leap year and Excel kept it for compatibility.
        text = "1900-02-29";
    } else if (!date1904 && day == 0) {
        return std::nullopt; // Excel's "0 January 1900"
    } else {
        const sys_days epoch = date1904   ? sys_days{1904y / January / 1}
                               : day < 60 ? sys_days{1899y / December / 31}
                                          : sys_days{1899y / December / 30};
        const year_month_day ymd{epoch + days{day}};
        if (ymd.year() > 9999y) {
            return std::nullopt;
        }
        std::array<char, 16> buf{};
        std::snprintf(buf.data(), buf.size(), "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                      static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
        text = buf.data();
    }
    if (second == 0 && kind == NumberKind::date) {
        return text;
    }
    return text + " " + time_text(second);
}

std::string iso_date_text(std::string_view raw) {
    const std::string_view s = trim_xml_space(raw);
    const auto digits = [&](std::size_t from, std::size_t n) {
        for (std::size_t i = from; i < from + n; ++i) {
            if (i >= s.size() || s[i] < '0' || s[i] > '9') {
                return false;
            }
        }
        return true;
    };
    if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
        !digits(8, 2)) {
        return std::string(raw);
    }
    const std::string_view date = s.substr(0, 10);
    if (s.size() == 10) {
        return std::string(date);
    }
    if (s[10] != 'T' || !digits(11, 2) || s.size() < 19 || s[13] != ':' || !digits(14, 2) ||
        s[16] != ':' || !digits(17, 2)) {
        return std::string(raw);
    }
    const std::string_view time = s.substr(11, 8);
    if (time == "00:00:00" && s.substr(19).find_first_not_of(".0Z") == std::string_view::npos) {
        return std::string(date);
    }
    return std::string(date) + " " + std::string(time);
}

void decode_escapes(std::string& text) {
    if (text.find("_x") == std::string::npos) {
        return;
    }
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        const long unit = escape_at(text, i);
        if (unit < 0) {
            out += text[i++];
            continue;
        }
        i += 7;
        auto cp = static_cast<std::uint32_t>(unit);
        if (cp >= 0xD800 && cp <= 0xDBFF) { // a surrogate pair is two escapes
            const long low = escape_at(text, i);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (static_cast<std::uint32_t>(low) - 0xDC00);
                i += 7;
            } else {
                cp = 0xFFFD;
            }
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
        }
        append_utf8(out, cp);
    }
    text = std::move(out);
}

std::size_t utf16_length(std::string_view utf8) {
    std::size_t n = 0;
    for (const char c : utf8) {
        const auto b = static_cast<unsigned char>(c);
        if ((b & 0xC0) != 0x80) {
            n += b >= 0xF0 ? 2 : 1;
        }
    }
    return n;
}

} // namespace schoolctl::formats::xlsx
