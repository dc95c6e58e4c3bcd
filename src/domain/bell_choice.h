#pragma once
// Which bell schedule a class follows on a weekday. A school has several: the 1st grade's, the
// main one, Monday with «Разговоры о важном», a shortened day, the 1st grade's 35-minute lessons
// until December. The most specific schedule that applies wins: one naming the class over one
// naming its grade over one for every grade; within each, one for this weekday over one for
// every day; then one limited to some dates over one for the whole year. Ties go to the one
// listed first.
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.h"

namespace schoolctl::domain {

// nullptr when no schedule applies (every schedule names other classes, grades, weekdays or
// dates). Without `on`, dates do not limit a schedule (a question about the whole year).
const BellSchedule* bell_schedule_for(const std::vector<BellSchedule>& bells,
                                      const std::string& class_name, int grade, int weekday,
                                      std::optional<Date> on = std::nullopt);

// The bell of lesson `number` for the class on the weekday (and day), if its schedule has one.
std::optional<Bell> bell_for(const std::vector<BellSchedule>& bells, const std::string& class_name,
                             int grade, int weekday, int number,
                             std::optional<Date> on = std::nullopt);

}  // namespace schoolctl::domain
