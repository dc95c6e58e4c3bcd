#pragma once
// Numbered schema migrations (schemas/NNNN_*.sql, embedded at build time) and the checks that
// keep a binary away from a database it does not understand.
#include <string_view>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct Migration {
    int number;
    std::string_view name;
    std::string_view sql;
};

// Generated from schemas/ by cmake/embed_schemas_script.cmake.
const std::vector<Migration>& embedded_migrations();

// PRAGMA application_id of every schoolctl database: "SCHL".
inline constexpr int application_id = 0x5343484C;

int latest_schema_version();
int schema_version(Database& db);

enum class SchemaState { current, older, newer };

// Refuses (exit 78) a file that is not a schoolctl database or whose schema is newer than this
// binary; reports an older schema so the caller can ask for `schoolctl db migrate`.
SchemaState check_schema(Database& db);

// Applies every missing migration, each in its own transaction; returns the numbers applied.
std::vector<int> migrate(Database& db);

}  // namespace schoolctl::store
