#pragma once
// `schoolctl schedule check`: what is wrong with the dated lessons — a teacher, a room or a class
// in two places at once (a pupil in two groups at once too), more lessons than SanPiN allows in a
// day or a week, a lesson the bells do not ring for. Each finding names the rules it comes from
// and the dates; the same finding on many dates is one line.
#include <optional>
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

struct CheckRequest {
    std::optional<domain::Date> from;  // default: the academic year
    std::optional<domain::Date> to;
};

struct Finding {
    std::string kind;   // teacher | room | class | pupil | daily_load | weekly_load | bells
    std::string text;   // «Фролов А. В.: 5А MATH and 6А MATH at lesson 1»
    std::vector<std::string> rules;  // where the rules came from: "timetable.csv:12"
    std::vector<domain::Date> dates;
};

struct CheckResult {
    std::string year;
    domain::Date from;
    domain::Date to;
    std::size_t lessons = 0;
    std::vector<Finding> findings;
};

// Any logged-in account may check: the timetable is not personal data.
CheckResult check_schedule(Session& session, const CheckRequest& request);

}  // namespace schoolctl::app
