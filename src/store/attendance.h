#pragma once
// Absences and lateness per pupil per lesson (table attendance; a pupil without a row was
// present) and every change of an absence's code (attendance_changes).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct AttendanceRow {
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    std::string code;  // unexcused | excused | ill | late
    std::optional<int> minutes_late;
    std::string note;
    std::optional<std::int64_t> author_id;  // account
    std::string source;                     // "attendance.csv:14", "" when marked by hand
    std::string updated_at;
};

std::optional<AttendanceRow> find_attendance(Database& db, std::int64_t lesson_id,
                                             std::int64_t pupil_id);
// Inserts the row, or overwrites the one at its (lesson, pupil).
void save_attendance(Database& db, const AttendanceRow& row);
void delete_attendance(Database& db, std::int64_t lesson_id, std::int64_t pupil_id);

struct AttendanceChange {
    std::int64_t lesson_id = 0;
    std::int64_t pupil_id = 0;
    std::string old_code;  // "" when the pupil was present
    std::string new_code;  // "" when the pupil is present now
    std::string reason;
    std::string at;
    std::optional<std::int64_t> account_id;
};
void insert_attendance_change(Database& db, const AttendanceChange& change);
// The changes of one pupil's attendance at one lesson, oldest first.
std::vector<AttendanceChange> attendance_changes_of(Database& db, std::int64_t lesson_id,
                                                    std::int64_t pupil_id);

// An absence or lateness with the lesson it belongs to, as lists print it.
struct AttendanceEntry {
    AttendanceRow row;
    std::string date;  // the lesson's date (where it is now), ISO
    int lesson_no = 0;
    std::optional<std::int64_t> class_id;  // the lesson's class, or
    std::optional<std::int64_t> group_id;  // its group
    std::int64_t subject_id = 0;
    std::string subject_code;
    std::string subject_name;
};

// One pupil's absences and lateness in lessons dated in [from, to], by date and lesson number.
std::vector<AttendanceEntry> pupil_attendance(Database& db, std::int64_t pupil_id,
                                              const std::string& from, const std::string& to);

// The absences and lateness of a class's pupils in [from, to], each in the class the pupil was
// in on its date (a pupil who moved from 5А to 5Б has October's absences in 5А's list), by date,
// lesson number and pupil.
std::vector<AttendanceEntry> class_attendance(Database& db, std::int64_t class_id,
                                              const std::string& from, const std::string& to);

// Who was absent or late at one lesson.
std::vector<AttendanceRow> lesson_attendance(Database& db, std::int64_t lesson_id);

}  // namespace schoolctl::store
