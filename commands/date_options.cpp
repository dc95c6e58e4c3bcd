#include "commands/date_options.h"

#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::cli {

domain::Date date_option(const std::string& option, const std::string& text) {
    auto d = domain::parse_date(text);
    if (!d) {
        throw Error(ExitCode::usage, option + " \"" + text +
                                         "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)");
    }
    return *d;
}

std::optional<domain::Date> date_option(const std::string& option,
                                        const std::optional<std::string>& text) {
    if (!text) {
        return std::nullopt;
    }
    return date_option(option, *text);
}

std::chrono::year_month month_option(const std::string& option,
                                     const std::optional<std::string>& text) {
    if (!text) {
        domain::Date today = today_moscow();
        return today.year() / today.month();
    }
    auto d = domain::parse_date(*text + "-01");
    if (!d) {
        d = domain::parse_date("01." + *text);
    }
    if (!d) {
        throw Error(ExitCode::usage, option + " \"" + *text +
                                         "\" is not a month (expected YYYY-MM or MM.YYYY)");
    }
    return d->year() / d->month();
}

}  // namespace schoolctl::cli
