#pragma once
// Dates and months typed on the command line, refused with exit 64 naming the option.
#include <chrono>
#include <optional>
#include <string>

#include "domain/date.h"

namespace schoolctl::cli {

// DD.MM.YYYY or YYYY-MM-DD.
domain::Date date_option(const std::string& option, const std::string& text);
std::optional<domain::Date> date_option(const std::string& option,
                                        const std::optional<std::string>& text);

// YYYY-MM or MM.YYYY; this month (Moscow) when absent.
std::chrono::year_month month_option(const std::string& option,
                                     const std::optional<std::string>& text);

}  // namespace schoolctl::cli
