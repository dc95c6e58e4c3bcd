#pragma once
// Pupils' health records (table health_records; schemas/0010_health.sql).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

struct HealthRecord {
    std::int64_t pupil_id = 0;
    std::optional<std::string> health_group;  // "II"
    std::optional<std::string> pe_group;      // "preparatory"
    std::string note;
    std::string updated_at;
};

std::optional<HealthRecord> find_health(Database& db, std::int64_t pupil_id);
void save_health(Database& db, const HealthRecord& record);
// Returns whether there was one.
bool delete_health(Database& db, std::int64_t pupil_id);

struct HealthListing {
    HealthRecord record;
    domain::PersonName pupil;
    std::string external_id;
    std::string class_name;    // on the day listed; "" when in none
    bool consent_holds = false;  // a guardian's health consent holds on the day
};

// The school's health records, or one class's (its pupils on `on`), by class then name.
std::vector<HealthListing> list_health(Database& db, std::int64_t school_id,
                                       std::optional<std::int64_t> class_id,
                                       const std::string& on);

}  // namespace schoolctl::store
