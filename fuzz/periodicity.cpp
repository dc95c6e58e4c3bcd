// The periodicity rules of a timetable file («каждые 2 недели с 07.09.2026 кроме 05.10.2026»):
// any text is a rule or a reason; a rule's canonical form reads back to the same rule; and a
// usable rule's dates over a year can be listed.
#include "domain/periodicity.h"
#include "fuzz_input.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace schoolctl::domain;
    const auto parsed = parse_periodicity(schoolctl::fuzz::as_text(data, size));
    const auto* rule = std::get_if<Periodicity>(&parsed);
    if (rule == nullptr || periodicity_problem(*rule)) {
        return 0;
    }
    const auto again = parse_periodicity(format_periodicity(*rule));
    if (!std::holds_alternative<Periodicity>(again) || std::get<Periodicity>(again) != *rule) {
        std::abort();  // the canonical form must read back to the same rule
    }
    RuleDates dates;
    dates.weekday = 1 + static_cast<int>(size % 7);
    dates.periodicity = *rule;
    dates.valid_from = *parse_date("2026-09-01");
    dates.valid_to = *parse_date("2027-05-31");
    dates.week_anchor = dates.valid_from;
    if (!rule_dates_problem(dates)) {
        occurrences(dates, dates.valid_from, dates.valid_to);
    }
    return 0;
}
