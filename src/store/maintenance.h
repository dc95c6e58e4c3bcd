#pragma once
// Whole-database checks and copies.
#include <filesystem>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

// integrity_check and foreign_key_check (integrity_check does not look at foreign keys); one
// line per problem, empty when the database is sound.
std::vector<std::string> structural_problems(Database& db);

// A consistent copy of a live database by VACUUM INTO (never a file copy), to a path that must
// not exist yet.
void vacuum_into(Database& db, const std::filesystem::path& target);

// Replaces every page of `live` with those of `source` through SQLite's backup API, inside the
// live database's own locking: other connections wait, then see the whole new content (never a
// mix), and an interrupted copy rolls back. Error(busy) when another connection holds the
// database past the busy timeout, Error(io) for anything else.
void copy_database_over(Database& source, Database& live);

// Folds the WAL back into the main file so it does not grow without bound.
void checkpoint(Database& db);

}  // namespace schoolctl::store
