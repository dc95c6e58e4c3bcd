// Looking names up in the schema table, and guessing what a misspelt name meant.
#include "formats/config_keys.h"

#include <algorithm>

namespace schoolctl::formats {
namespace {

std::string_view parent_of(std::string_view name) {
    auto dot = name.rfind('.');
    return dot == std::string_view::npos ? std::string_view{} : name.substr(0, dot);
}

std::string_view last_part(std::string_view name) {
    auto dot = name.rfind('.');
    return dot == std::string_view::npos ? name : name.substr(dot + 1);
}

// Optimal string alignment distance: a swap of two neighbours ("nmae") costs one edit, as a
// typist would count it.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::vector<std::size_t>> d(a.size() + 1, std::vector<std::size_t>(b.size() + 1));
    for (std::size_t i = 0; i <= a.size(); ++i) {
        d[i][0] = i;
    }
    for (std::size_t j = 0; j <= b.size(); ++j) {
        d[0][j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            }
        }
    }
    return d[a.size()][b.size()];
}

// Short names tolerate fewer edits, or "end" would suggest "name".
std::size_t tolerated_edits(std::string_view word) {
    if (word.size() <= 3) {
        return 1;
    }
    return word.size() <= 8 ? 2 : 3;
}

} // namespace

const ConfigKey* find_config_key(std::string_view dotted_name) {
    for (const auto& key : config_keys()) {
        if (key.name == dotted_name) {
            return &key;
        }
    }
    return nullptr;
}

std::vector<std::string> config_names_under(std::string_view parent) {
    std::vector<std::string> names;
    for (const auto& key : config_keys()) {
        std::string_view rest = key.name;
        if (!parent.empty()) {
            if (!(rest.starts_with(parent) && rest.size() > parent.size() &&
                  rest[parent.size()] == '.')) {
                continue;
            }
            rest.remove_prefix(parent.size() + 1);
        }
        std::string name = parent.empty() ? std::string{} : std::string{parent} + ".";
        name += rest.substr(0, rest.find('.'));
        if (std::find(names.begin(), names.end(), name) == names.end()) {
            names.push_back(std::move(name));
        }
    }
    return names;
}

bool is_config_section(std::string_view dotted_name) {
    return find_config_key(dotted_name) == nullptr && !config_names_under(dotted_name).empty();
}

std::optional<std::string> suggest_config_name(std::string_view unknown) {
    std::string_view word = last_part(unknown);
    std::optional<std::string> best;
    std::size_t best_distance = tolerated_edits(word) + 1;
    for (const auto& candidate : config_names_under(parent_of(unknown))) {
        std::size_t d = edit_distance(word, last_part(candidate));
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    if (best) {
        return best;
    }
    // The right word in the wrong table: `path` under [school] meant database.path.
    bool item = find_config_key(parent_of(unknown)) != nullptr;
    for (const auto& key : config_keys()) {
        if (last_part(key.name) == word && key.is_item_field() == item) {
            return std::string{key.name};
        }
    }
    return std::nullopt;
}

} // namespace schoolctl::formats
