#include "domain/consent.h"

#include <array>

#include "domain/person_name.h"

namespace schoolctl::domain {
namespace {

constexpr std::array<ConsentKind, 4> kinds{{
    {"personal_data", "обработка персональных данных"},
    {"health", "сведения о здоровье"},
    {"photo", "фото- и видеосъёмка"},
    {"publication", "публикация на сайте школы"},
}};

// Short Russian words a secretary types for each kind.
constexpr std::array<std::pair<std::string_view, std::string_view>, 6> aliases{{
    {"персональные данные", "personal_data"},
    {"пдн", "personal_data"},
    {"здоровье", "health"},
    {"фото", "photo"},
    {"видео", "photo"},
    {"публикация", "publication"},
}};

}  // namespace

std::optional<ConsentKind> parse_consent_kind(std::string_view text) {
    const std::string key = match_key(text);
    for (const auto& k : kinds) {
        if (key == match_key(k.code) || key == match_key(k.name)) {
            return k;
        }
    }
    for (const auto& [alias, code] : aliases) {
        if (key == match_key(alias)) {
            for (const auto& k : kinds) {
                if (k.code == code) {
                    return k;
                }
            }
        }
    }
    return std::nullopt;
}

std::string consent_kind_codes() {
    std::string out;
    for (const auto& k : kinds) {
        out += (out.empty() ? "" : ", ") + std::string(k.code);
    }
    return out;
}

}  // namespace schoolctl::domain
