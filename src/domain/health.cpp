#include "domain/health.h"

#include <array>

#include "domain/person_name.h"

namespace schoolctl::domain {
namespace {

constexpr std::array<std::string_view, 5> roman = {"I", "II", "III", "IV", "V"};

constexpr std::array<PeGroup, 4> pe_groups{{
    {"main", "основная"},
    {"preparatory", "подготовительная"},
    {"special", "специальная"},
    {"exempt", "освобождён"},
}};

constexpr std::array<std::pair<std::string_view, std::string_view>, 3> pe_aliases{{
    {"смг", "special"},
    {"специальная медицинская", "special"},
    {"освобождена", "exempt"},
}};

}  // namespace

std::optional<std::string> parse_health_group(std::string_view text) {
    const std::string key = match_key(text);
    for (std::size_t i = 0; i < roman.size(); ++i) {
        if (key == match_key(roman[i]) || key == std::to_string(i + 1)) {
            return std::string(roman[i]);
        }
    }
    return std::nullopt;
}

std::optional<PeGroup> pe_group_of_code(std::string_view code) {
    for (const auto& g : pe_groups) {
        if (g.code == code) {
            return g;
        }
    }
    return std::nullopt;
}

std::optional<PeGroup> parse_pe_group(std::string_view text) {
    const std::string key = match_key(text);
    for (const auto& g : pe_groups) {
        if (key == match_key(g.code) || key == match_key(g.name)) {
            return g;
        }
    }
    for (const auto& [alias, code] : pe_aliases) {
        if (key == match_key(alias)) {
            return pe_group_of_code(code);
        }
    }
    return std::nullopt;
}

std::string pe_group_names() {
    std::string out;
    for (const auto& g : pe_groups) {
        out += (out.empty() ? "" : ", ") + std::string(g.name);
    }
    return out;
}

}  // namespace schoolctl::domain
