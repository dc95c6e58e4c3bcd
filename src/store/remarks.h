#pragma once
// Teachers' remarks about pupils (table remarks), on a day or on a lesson of that day.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct RemarkRow {
    std::int64_t id = 0;
    std::int64_t pupil_id = 0;
    std::optional<std::int64_t> lesson_id;
    std::string date;  // ISO
    std::string text;
    std::optional<std::int64_t> author_id;  // account
    std::string created_at;
};

std::int64_t insert_remark(Database& db, const RemarkRow& remark);
// The pupil's remarks dated in [from, to], oldest first.
std::vector<RemarkRow> pupil_remarks(Database& db, std::int64_t pupil_id, const std::string& from,
                                     const std::string& to);

// The remarks given at one lesson, oldest first.
std::vector<RemarkRow> lesson_remarks(Database& db, std::int64_t lesson_id);

}  // namespace schoolctl::store
