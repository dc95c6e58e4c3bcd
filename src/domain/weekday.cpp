#include "domain/weekday.h"

#include <array>
#include <string>

#include "domain/person_name.h"

namespace schoolctl::domain {
namespace {

struct Names {
    const char* full_ru;
    const char* short_ru;
    const char* full_en;
    const char* short_en;
};

constexpr std::array<Names, 7> names = {{
    {"понедельник", "пн", "monday", "mon"},
    {"вторник", "вт", "tuesday", "tue"},
    {"среда", "ср", "wednesday", "wed"},
    {"четверг", "чт", "thursday", "thu"},
    {"пятница", "пт", "friday", "fri"},
    {"суббота", "сб", "saturday", "sat"},
    {"воскресенье", "вс", "sunday", "sun"},
}};

}  // namespace

std::optional<int> parse_weekday(std::string_view text) {
    std::string key = match_key(text);
    while (!key.empty() && (key.back() == '.' || key.back() == ' ')) {
        key.pop_back();
    }
    if (key.size() == 1 && key[0] >= '1' && key[0] <= '7') {
        return key[0] - '0';
    }
    for (std::size_t i = 0; i < names.size(); ++i) {
        const Names& n = names[i];
        if (key == n.full_ru || key == n.short_ru || key == n.full_en || key == n.short_en) {
            return static_cast<int>(i) + 1;
        }
    }
    return std::nullopt;
}

const char* weekday_name(int iso_weekday) {
    return iso_weekday >= 1 && iso_weekday <= 7 ? names[static_cast<std::size_t>(iso_weekday - 1)].full_ru : "";
}

const char* weekday_short(int iso_weekday) {
    return iso_weekday >= 1 && iso_weekday <= 7 ? names[static_cast<std::size_t>(iso_weekday - 1)].short_ru : "";
}

}  // namespace schoolctl::domain
