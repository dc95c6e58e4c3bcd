#include "formats/sheet_name.h"

#include <set>
#include <string_view>

namespace schoolctl::formats {
namespace {

constexpr std::size_t max_chars = 31;

// UTF-8 code points, which is what Excel's 31-character limit counts.
std::vector<std::string> code_points(std::string_view s) {
    std::vector<std::string> out;
    for (char c : s) {
        if ((static_cast<unsigned char>(c) & 0xC0u) == 0x80u && !out.empty()) {
            out.back() += c;
        } else {
            out.emplace_back(1, c);
        }
    }
    return out;
}

std::string join(const std::vector<std::string>& cps, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < cps.size() && i < limit; ++i) {
        out += cps[i];
    }
    return out;
}

// Excel compares names case-insensitively, Cyrillic included («5А» clashes with «5а»).
std::string fold_case(std::string_view s) {
    std::string out;
    for (const auto& cp : code_points(s)) {
        const auto b0 = static_cast<unsigned char>(cp[0]);
        if (cp.size() == 1 && b0 >= 'A' && b0 <= 'Z') {
            out += static_cast<char>(b0 + 32);
            continue;
        }
        if (cp.size() == 2 && (b0 == 0xD0u || b0 == 0xD1u)) {
            unsigned u = ((b0 & 0x1Fu) << 6) | (static_cast<unsigned char>(cp[1]) & 0x3Fu);
            if (u >= 0x410 && u <= 0x42F) {
                u += 0x20; // А..Я -> а..я
            } else if (u >= 0x400 && u <= 0x40F) {
                u += 0x50; // Ё and the other extra capitals -> ё ...
            }
            out += static_cast<char>(0xC0u | (u >> 6));
            out += static_cast<char>(0x80u | (u & 0x3Fu));
            continue;
        }
        out += cp;
    }
    return out;
}

std::string clean(const std::string& key) {
    std::string out;
    for (char c : key) {
        const bool forbidden = std::string_view("[]:*?/\\").find(c) != std::string_view::npos;
        const bool control = static_cast<unsigned char>(c) < 0x20u;
        out += forbidden || control ? '_' : c;
    }
    while (!out.empty() && out.front() == '\'') {
        out.erase(0, 1);
    }
    auto cps = code_points(out);
    std::string name = join(cps, max_chars);
    while (!name.empty() && name.back() == '\'') {
        name.pop_back();
    }
    return name;
}

} // namespace

std::vector<std::string> sheet_names(const std::vector<std::string>& keys) {
    std::vector<std::string> names;
    std::set<std::string> taken{"history"};
    for (std::size_t i = 0; i < keys.size(); ++i) {
        std::string base = clean(keys[i]);
        if (base.empty()) {
            base = "Лист " + std::to_string(i + 1);
        }
        std::string name = base;
        // «5А (2)»: shorten the base so that the suffix still fits in 31 characters.
        for (int n = 2; taken.count(fold_case(name)) != 0; ++n) {
            const std::string suffix = " (" + std::to_string(n) + ")";
            name = join(code_points(base), max_chars - suffix.size()) + suffix;
        }
        taken.insert(fold_case(name));
        names.push_back(name);
    }
    return names;
}

} // namespace schoolctl::formats
