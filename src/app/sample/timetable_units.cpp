#include "app/sample/timetable_units.h"

#include "app/sample/curriculum.h"
#include "app/sample/timetable.h"

#include <algorithm>

namespace schoolctl::app::sample {
namespace {

void add_unique(std::vector<int>& v, int x) {
    if (std::find(v.begin(), v.end(), x) == v.end()) {
        v.push_back(x);
    }
}

Unit unit_of(std::vector<UnitPart> parts) {
    Unit u;
    for (const auto& p : parts) {
        add_unique(u.teachers, p.teacher);
        add_unique(u.subjects, p.subject);
    }
    u.parts = std::move(parts);
    return u;
}

} // namespace

std::vector<Unit> class_units(const Roster& roster, const TeachingLoad& load, int c) {
    const int grade = roster.classes[static_cast<std::size_t>(c)].grade;
    const int pe = subject_index("PE");
    std::vector<Unit> out;
    for (const auto& h : weekly_plan(grade)) {
        const auto ls = lanes(roster, c, h.subject);
        for (int k = 0; k < h.hours; ++k) {
            std::vector<UnitPart> parts;
            if (ls.size() == 2) {
                for (int lane : ls) {
                    parts.push_back({group_of(roster, c, h.subject, static_cast<Lane>(lane)),
                                     h.subject, load.who.at({c, h.subject, lane})});
                }
            } else if (h.subject == pe && load.pe_after[static_cast<std::size_t>(c)] >= 0) {
                parts.push_back({-1, h.subject, load.who.at({c, h.subject, 0}), "", "", pe_until});
                parts.push_back(
                    {-1, h.subject, load.pe_after[static_cast<std::size_t>(c)], "", pe_from, ""});
            } else {
                parts.push_back({-1, h.subject, load.who.at({c, h.subject, 0})});
            }
            out.push_back(unit_of(std::move(parts)));
        }
    }
    const auto pair = alternating_pair(grade);
    if (!pair.empty()) {
        out.push_back(unit_of({{-1, pair[0], load.who.at({c, pair[0], 0}), "A"},
                               {-1, pair[1], load.who.at({c, pair[1], 0}), "B"}}));
    }
    return out;
}

} // namespace schoolctl::app::sample
