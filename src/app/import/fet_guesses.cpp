#include "app/import/fet_guesses.h"

#include <algorithm>
#include <optional>
#include <string_view>

#include "domain/class_name.h"

namespace schoolctl::app {
namespace {

using Strings = std::vector<std::string>;

// UTF-8 as code points: a typo in «Соловьёва» is one letter, not two bytes.
std::u32string code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        char32_t cp = n == 1 ? c : n == 2 ? c & 0x1F : n == 3 ? c & 0x0F : c & 0x07;
        for (std::size_t k = 1; k < n && i + k < s.size(); ++k) {
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        }
        out.push_back(cp);
        i += n;
    }
    return out;
}

// Levenshtein distance.
std::size_t edit_distance(std::string_view a_text, std::string_view b_text) {
    const std::u32string a = code_points(a_text), b = code_points(b_text);
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
            diagonal = up;
        }
    }
    return row[b.size()];
}

// The match keys of the words of `text`, split at spaces and punctuation; with `split_digits`
// a run of digits is a word of its own («1м» is «1» and «м»).
Strings words(std::string_view text, bool split_digits = false) {
    Strings out;
    std::string word;
    auto flush = [&] {
        if (!word.empty()) {
            out.push_back(domain::match_key(word));
            word.clear();
        }
    };
    bool digits = false;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x80 && std::string_view(" \t.,;:-_/()[]\"'").find(c) != std::string_view::npos) {
            flush();
            continue;
        }
        const bool digit = u >= '0' && u <= '9';
        if (split_digits && !word.empty() && digit != digits && (u & 0xC0) != 0x80) {
            flush();
        }
        if ((u & 0xC0) != 0x80) {
            digits = digit;
        }
        word += c;
    }
    flush();
    return out;
}

// The first letter of a word, as UTF-8.
std::string first_letter(std::string_view word) {
    std::size_t n = 1;
    while (n < word.size() && (static_cast<unsigned char>(word[n]) & 0xC0) == 0x80) {
        ++n;
    }
    return std::string(word.substr(0, std::min(n, word.size())));
}

// The candidates closest to `name` by edit distance of match keys, when close enough to be a
// typo (a third of the name's letters).
Strings closest(const std::string& name, const Strings& candidates) {
    const std::string key = domain::match_key(name);
    const std::size_t limit = std::max<std::size_t>(1, code_points(key).size() / 3);
    std::size_t best = limit + 1;
    Strings out;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(key, domain::match_key(c));
        if (d < best) {
            best = d;
            out.clear();
        }
        if (d == best) {
            out.push_back(c);
        }
    }
    return out;
}

std::string staff_text(const RosterNames::Staff& s) {
    return domain::full_name(s.name) + (s.id.empty() ? "" : " (" + s.id + ")");
}

std::optional<domain::ClassName> class_of(std::string_view text) {
    auto parsed = domain::parse_class_name(text);
    if (auto* name = std::get_if<domain::ClassName>(&parsed)) {
        return *name;
    }
    return std::nullopt;
}

Strings classes_of_grade(int grade, const RosterNames& roster) {
    Strings out;
    for (const auto& c : roster.classes) {
        if (const auto klass = class_of(c); klass && klass->grade == grade) {
            out.push_back(c);
        }
    }
    return out;
}

}  // namespace

// «Иванова М.П.», «М.П. Иванова» or «Иванова Мария»: staff with that surname whose first name
// and patronymic start with the initials given; else a full name one typo away.
Strings guess_teacher(const std::string& fet_name, const RosterNames& roster) {
    const Strings w = words(fet_name);
    std::vector<const RosterNames::Staff*> by_surname, by_initials;
    for (const auto& s : roster.staff) {
        const std::string surname = domain::match_key(s.name.last);
        const auto at = std::find(w.begin(), w.end(), surname);
        if (at == w.end()) {
            continue;
        }
        by_surname.push_back(&s);
        Strings initials;
        for (auto it = w.begin(); it != w.end(); ++it) {
            if (it != at) {
                initials.push_back(first_letter(*it));
            }
        }
        const Strings own = {first_letter(domain::match_key(s.name.first)),
                             first_letter(domain::match_key(s.name.middle))};
        if (!initials.empty() && initials.size() <= 2 &&
            std::equal(initials.begin(), initials.end(), own.begin())) {
            by_initials.push_back(&s);
        }
    }
    Strings out;
    for (const auto* s : by_initials.empty() ? by_surname : by_initials) {
        out.push_back(staff_text(*s));
    }
    if (out.empty()) {
        Strings names;
        for (const auto& s : roster.staff) {
            names.push_back(domain::full_name(s.name));
        }
        for (const auto& name : closest(fet_name, names)) {
            for (const auto& s : roster.staff) {
                if (domain::full_name(s.name) == name) {
                    out.push_back(staff_text(s));
                }
            }
        }
    }
    return out;
}

// «ОДНКНР» for «Основы духовно-нравственной культуры народов России»; «Матем.», «Физ. культура»
// and «Труд» for names whose words start so; else a name or code a typo away.
Strings guess_subject(const std::string& fet_name, const RosterNames& roster) {
    const Strings w = words(fet_name);
    std::string acronym;
    for (const auto& word : w) {
        acronym += word;
    }
    Strings out, names;
    for (const auto& s : roster.subjects) {
        const Strings name = words(s.name);
        std::string initials;
        for (const auto& word : name) {
            initials += first_letter(word);
        }
        bool prefixes = !w.empty() && w.size() <= name.size();
        for (std::size_t i = 0; prefixes && i < w.size(); ++i) {
            prefixes = name[i].starts_with(w[i]);
        }
        if (prefixes || (name.size() > 1 && initials == acronym)) {
            out.push_back(s.name + " (" + s.code + ")");
        }
        names.push_back(s.name);
        names.push_back(s.code);
    }
    if (out.empty()) {
        for (const auto& name : closest(fet_name, names)) {
            for (const auto& s : roster.subjects) {
                if (s.name == name || s.code == name) {
                    out.push_back(s.name + " (" + s.code + ")");
                }
            }
        }
    }
    return out;
}

// «5А-1» and «5А-м»: a group of 5А with words that start as the rest does («5А англ. 1»,
// «5А труд (мальчики)»), else every group of 5А. «5» (a FET year): the classes of grade 5.
Strings guess_students(const std::string& fet_name, const RosterNames& roster) {
    if (auto klass = class_of(fet_name)) {
        return classes_of_grade(klass->grade, roster);
    }
    if (fet_name.size() <= 2 && std::all_of(fet_name.begin(), fet_name.end(),
                                            [](char c) { return c >= '0' && c <= '9'; })) {
        return classes_of_grade(std::stoi(fet_name), roster);
    }
    const std::size_t cut = fet_name.find_first_of(" -_/.");
    if (auto klass = cut == std::string::npos ? std::nullopt : class_of(fet_name.substr(0, cut))) {
        const Strings rest = words(fet_name.substr(cut), true);
        Strings all, fitting;
        for (const auto& g : roster.groups) {
            if (g.class_name != klass->str()) {
                continue;
            }
            all.push_back(g.name);
            const Strings own = words(g.name);
            const bool fits = std::all_of(rest.begin(), rest.end(), [&](const std::string& r) {
                return std::any_of(own.begin(), own.end(),
                                   [&](const std::string& o) { return o.starts_with(r); });
            });
            if (fits && !rest.empty()) {
                fitting.push_back(g.name);
            }
        }
        return fitting.empty() ? all : fitting;
    }
    Strings names = roster.classes;
    for (const auto& g : roster.groups) {
        names.push_back(g.name);
    }
    return closest(fet_name, names);
}

// «каб. 101» for «101»: a room that is a word of the FET name; else one a typo away.
Strings guess_room(const std::string& fet_name, const RosterNames& roster) {
    const Strings w = words(fet_name);
    Strings out;
    for (const auto& room : roster.rooms) {
        if (std::find(w.begin(), w.end(), domain::match_key(room)) != w.end()) {
            out.push_back(room);
        }
    }
    return out.empty() ? closest(fet_name, roster.rooms) : out;
}

}  // namespace schoolctl::app
