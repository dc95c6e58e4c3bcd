#include "store/period_locks.h"

namespace schoolctl::store {

std::vector<PeriodLock> period_locks(Database& db, std::int64_t year_id) {
    Statement st = db.prepare(
        "SELECT period, locked_at, account_id FROM period_locks WHERE year_id = ? "
        "ORDER BY locked_at, period");
    st.bind(1, year_id);
    std::vector<PeriodLock> out;
    while (st.step() == Step::row) {
        out.push_back({st.get_text(0), st.get_text(1), st.get_optional_int(2)});
    }
    return out;
}

bool is_period_locked(Database& db, std::int64_t year_id, const std::string& period) {
    auto st = db.cached("SELECT 1 FROM period_locks WHERE year_id = ? AND period = ?");
    st->bind_all(year_id, period);
    return st->step() == Step::row;
}

bool lock_period(Database& db, std::int64_t year_id, const std::string& period,
                 const std::string& now, std::optional<std::int64_t> account_id) {
    auto st = db.cached(
        "INSERT INTO period_locks(year_id, period, locked_at, account_id) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (year_id, period) DO NOTHING");
    st->bind_all(year_id, period, now, account_id);
    st->run();
    return db.changes() > 0;
}

bool unlock_period(Database& db, std::int64_t year_id, const std::string& period) {
    auto st = db.cached("DELETE FROM period_locks WHERE year_id = ? AND period = ?");
    st->bind_all(year_id, period);
    st->run();
    return db.changes() > 0;
}

}  // namespace schoolctl::store
