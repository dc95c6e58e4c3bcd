#pragma once
// Which bell schedule a class follows on a weekday. A school has several: the 1st grade's, the
// main one, Monday with «Разговоры о важном», a shortened day. The most specific schedule that
// applies wins: one naming the class over one naming its grade over one for every grade, and
// within each, one for this weekday over one for every day. Ties go to the one listed first.
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.h"

namespace schoolctl::domain {

// nullptr when no schedule applies (every schedule names other classes, grades or weekdays).
const BellSchedule* bell_schedule_for(const std::vector<BellSchedule>& bells,
                                      const std::string& class_name, int grade, int weekday);

// The bell of lesson `number` for the class on the weekday, if its schedule has one.
std::optional<Bell> bell_for(const std::vector<BellSchedule>& bells, const std::string& class_name,
                             int grade, int weekday, int number);

}  // namespace schoolctl::domain
