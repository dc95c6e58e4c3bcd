#pragma once
// What a school keeps of a pupil's health (DOMAIN.md «Personal data»: a special category, only
// with a guardian's written consent): the health group and the physical-education group.
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

// The health group, I to V (группа здоровья), from "I".."V" or "1".."5"; stored as the Roman
// numeral.
std::optional<std::string> parse_health_group(std::string_view text);

struct PeGroup {
    std::string_view code;  // "preparatory", as stored
    std::string_view name;  // «подготовительная»
};

// The physical-education group by code or Russian name (any case, ё as е): основная,
// подготовительная, специальная (СМГ), освобождён.
std::optional<PeGroup> parse_pe_group(std::string_view text);
std::optional<PeGroup> pe_group_of_code(std::string_view code);

// "основная, подготовительная, специальная, освобождён" for messages.
std::string pe_group_names();

}  // namespace schoolctl::domain
