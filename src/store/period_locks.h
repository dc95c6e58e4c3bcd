#pragma once
// Periods closed for marks (table period_locks): while a period is locked no mark dated in it is
// given, corrected or removed, and none of its period marks is overridden.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct PeriodLock {
    std::string period;  // "Q1"
    std::string locked_at;
    std::optional<std::int64_t> account_id;
};

std::vector<PeriodLock> period_locks(Database& db, std::int64_t year_id);
bool is_period_locked(Database& db, std::int64_t year_id, const std::string& period);
// Both return false when there was nothing to do (already locked, not locked).
bool lock_period(Database& db, std::int64_t year_id, const std::string& period,
                 const std::string& now, std::optional<std::int64_t> account_id);
bool unlock_period(Database& db, std::int64_t year_id, const std::string& period);

}  // namespace schoolctl::store
