#pragma once
// How often each lesson was changed by hand: the revision number a calendar export gives it
// (iCalendar SEQUENCE), so that an app replaces its copy of the lesson with the newer one.
#include "store/database.h"

#include <cstdint>
#include <map>
#include <string>

namespace schoolctl::store {

// Lesson id -> number of rows in lesson_changes (substitute, cancel, move, restore), for the
// year's lessons dated in [from, to] that have any. Only grows: a restore is a change too.
std::map<std::int64_t, int> lesson_change_counts(Database& db, std::int64_t year_id,
                                                 const std::string& from, const std::string& to);

} // namespace schoolctl::store
