#pragma once
// schoolctl.toml for a generated school, in the shape of samples/schoolctl.toml: the school,
// the database, the academic year with its periods, holidays, production calendar and bells,
// the marks policy, the work types, attendance labels, reports and accounts.
#include "domain/settings.h"

#include <string>

namespace schoolctl::app::sample {

// `settings.rooms` becomes school.rooms; the calendar, bells, marks and work types come from
// `settings` too, so the file says what the generated journal assumed.
std::string config_text(const domain::Settings& settings);

} // namespace schoolctl::app::sample
