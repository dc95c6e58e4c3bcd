#pragma once
// Schools and their academic calendar.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/settings.h"
#include "store/database.h"

namespace schoolctl::store {

struct SchoolRow {
    std::int64_t id = 0;
    std::string name;
    std::string short_name;
    std::string external_id;
    std::string login_url;
};

struct YearRow {
    std::int64_t id = 0;
    std::string name;
    std::string start_date;
    std::string end_date;
};

// Inserts the school and its academic year, periods, holidays and bell schedules from config.
std::int64_t insert_school(Database& db, const domain::Settings& settings, const std::string& now);

std::vector<SchoolRow> list_schools(Database& db);

// The school's academic year containing `date`, else the latest one.
std::optional<YearRow> current_year(Database& db, std::int64_t school_id, const std::string& date);

}  // namespace schoolctl::store
