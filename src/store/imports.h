#pragma once
// The import history.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct ImportRecord {
    std::int64_t id = 0;
    std::int64_t school_id = 0;
    std::string kind;       // "students"
    std::string file_name;  // as given, "<stdin>" for standard input
    std::string sha256;
    std::optional<std::int64_t> account_id;
    std::string actor;
    std::string at;  // UTC ISO 8601
    std::int64_t rows = 0;
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
    std::int64_t rejected = 0;
    std::string mode = "upsert";  // or "sync"
    std::int64_t left = 0;        // people a sync marked as left
};

std::int64_t insert_import(Database& db, const ImportRecord& record);

// The school's newest `limit` imports (0: all), oldest first.
std::vector<ImportRecord> list_imports(Database& db, std::int64_t school_id, std::size_t limit);

}  // namespace schoolctl::store
