#pragma once
// What a guardian can consent to (152-ФЗ, DOMAIN.md «Personal data»).
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

struct ConsentKind {
    std::string_view code;  // "health", as stored
    std::string_view name;  // «сведения о здоровье»
};

// A kind by its code or Russian name (any case, ё as е): "health", «здоровье»,
// «сведения о здоровье».
std::optional<ConsentKind> parse_consent_kind(std::string_view text);

// "personal_data, health, photo, publication" for messages.
std::string consent_kind_codes();

}  // namespace schoolctl::domain
