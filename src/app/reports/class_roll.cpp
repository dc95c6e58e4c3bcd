#include "app/reports/class_roll.h"

#include <algorithm>
#include <map>

#include "domain/collation.h"

namespace schoolctl::app {

ClassRoll class_roll(const std::vector<store::RollRow>& rows, std::int64_t class_id,
                     const domain::DateRange& dates) {
    std::map<std::int64_t, RollPupil> by_pupil;
    for (const auto& r : rows) {
        if (r.class_id != class_id) {
            continue;
        }
        domain::Date from = std::max(*domain::parse_date(r.from_date), dates.start);
        domain::Date to = r.to_date ? std::min(*domain::parse_date(*r.to_date), dates.end)
                                    : dates.end;
        if (to < from) {
            continue;
        }
        auto [it, fresh] = by_pupil.try_emplace(r.pupil_id);
        RollPupil& p = it->second;
        if (fresh) {
            p = {r.pupil_id, r.name, r.external_id, from, to, false, false};
        } else {
            p.from = std::min(p.from, from);
            p.to = std::max(p.to, to);
        }
    }
    ClassRoll roll;
    for (auto& [id, p] : by_pupil) {
        p.at_start = p.from == dates.start;
        p.at_end = p.to == dates.end;
        roll.at_start += p.at_start ? 1 : 0;
        roll.arrived += p.at_start ? 0 : 1;
        roll.left += p.at_end ? 0 : 1;
        roll.at_end += p.at_end ? 1 : 0;
        roll.pupils.push_back(std::move(p));
    }
    std::stable_sort(roll.pupils.begin(), roll.pupils.end(), [](const auto& a, const auto& b) {
        return domain::compare_names(a.name, b.name) < 0;
    });
    return roll;
}

}  // namespace schoolctl::app
