#include "domain/attendance_code.h"

#include "domain/person_name.h"

#include <array>

namespace schoolctl::domain {
namespace {

constexpr std::array<Absence, 4> all_absences{Absence::unexcused, Absence::excused, Absence::ill,
                                              Absence::late};

// The letters of the paper journal, upper case, each with the code it means.
struct Letter {
    std::string_view letters;
    Absence absence;
};
constexpr std::array<Letter, 6> usual_letters{{
    {"Н", Absence::unexcused},
    {"П", Absence::excused},
    {"У", Absence::excused},
    {"Б", Absence::ill},
    {"ОП", Absence::late},
    {"О", Absence::late},
}};

// A Latin letter typed for the Cyrillic one, by shape (H, O, Y) or by sound (N, P, B).
struct LookAlike {
    char latin;
    std::string_view cyrillic;
};
constexpr std::array<LookAlike, 6> look_alikes{{
    {'N', "Н"},
    {'H', "Н"},
    {'P', "П"},
    {'B', "Б"},
    {'O', "О"},
    {'Y', "У"},
}};

// Latin letters spelt as their Cyrillic counterparts; nothing when a Latin letter has none
// (then the text is an English name or nothing at all).
std::optional<std::string> cyrillic_spelling(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (c >= 'a' && c <= 'z') {
            c = static_cast<char>(c - 'a' + 'A');
        }
        if (c < 'A' || c > 'Z') {
            out += c;
            continue;
        }
        const LookAlike* found = nullptr;
        for (const auto& l : look_alikes) {
            if (l.latin == c) {
                found = &l;
            }
        }
        if (found == nullptr) {
            return std::nullopt;
        }
        out += found->cyrillic;
    }
    return out;
}

} // namespace

const std::string& AbsenceLabels::of(Absence absence) const {
    switch (absence) {
    case Absence::unexcused:
        return unexcused;
    case Absence::excused:
        return excused;
    case Absence::ill:
        return ill;
    case Absence::late:
        return late;
    }
    return unexcused;
}

std::string_view absence_name(Absence absence) {
    switch (absence) {
    case Absence::unexcused:
        return "unexcused";
    case Absence::excused:
        return "excused";
    case Absence::ill:
        return "ill";
    case Absence::late:
        return "late";
    }
    return "unexcused";
}

std::optional<Absence> absence_from_name(std::string_view name) {
    for (Absence a : all_absences) {
        if (absence_name(a) == name) {
            return a;
        }
    }
    return std::nullopt;
}

std::optional<Absence> parse_absence(std::string_view text, const AbsenceLabels& labels) {
    std::string key = match_key(text);
    if (key.empty()) {
        return std::nullopt;
    }
    // The school's own labels first: they are what its people write.
    for (Absence a : all_absences) {
        if (match_key(labels.of(a)) == key) {
            return a;
        }
    }
    if (auto by_name = absence_from_name(key)) {
        return by_name;
    }
    auto spelt = cyrillic_spelling(key);
    if (!spelt) {
        return std::nullopt;
    }
    std::string cyrillic = match_key(*spelt);
    for (const auto& l : usual_letters) {
        if (match_key(l.letters) == cyrillic) {
            return l.absence;
        }
    }
    return std::nullopt;
}

std::string absence_codes_text(const AbsenceLabels& labels) {
    std::string out;
    for (Absence a : all_absences) {
        out += (out.empty() ? "" : ", ") + labels.of(a);
    }
    return out;
}

bool is_missed(Absence absence) {
    return absence != Absence::late;
}

} // namespace schoolctl::domain
