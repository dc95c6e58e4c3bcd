#pragma once
// Attendance codes (DOMAIN.md «Attendance»). Present is the default and is never stored; an
// absence is one of four codes, stored by its English name and shown by the school's label.
#include <optional>
#include <string>
#include <string_view>

namespace schoolctl::domain {

enum class Absence {
    unexcused,  // Н: absent, no valid reason
    excused,    // П (or У): absent, valid reason
    ill,        // Б: ill
    late,       // ОП (or О): late; the pupil was there
};

// What the school prints for each code ([attendance] labels in config).
struct AbsenceLabels {
    std::string unexcused = "Н";
    std::string excused = "П";
    std::string ill = "Б";
    std::string late = "ОП";

    const std::string& of(Absence absence) const;
    bool operator==(const AbsenceLabels&) const = default;
};

// The stored name: "unexcused", "excused", "ill", "late".
std::string_view absence_name(Absence absence);
std::optional<Absence> absence_from_name(std::string_view name);

// What a teacher or a file writes: the school's labels (first: they win over the usual letters),
// the usual letters (Н, П, У, Б, ОП, О, in either case, Latin look-alikes N/H, P, Y, B, OP, O)
// and the English names. Nothing for anything else.
std::optional<Absence> parse_absence(std::string_view text, const AbsenceLabels& labels);

// "Н, П, Б, ОП" for the hint after a refused code.
std::string absence_codes_text(const AbsenceLabels& labels);

// Whether the pupil missed the lesson (everything but lateness).
bool is_missed(Absence absence);

}  // namespace schoolctl::domain
