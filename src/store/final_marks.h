#pragma once
// Period and year marks (table final_marks) and what they are computed from: the pupils a
// period has, the subjects each of them studies in it, and the marks given in its lessons.
// Every list comes in one query, ordered by pupil and subject, so a school's period is computed
// in one pass with no query per pupil.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

// Whose rows a query reads: everyone, the pupils who were in one class during the dates, or one
// pupil (and one subject).
struct FinalsScope {
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> pupil_id;
    std::optional<std::int64_t> subject_id;  // marks and pairs only
};

// A pupil who was in a class of the year between two dates, with the last such class: the one
// whose grade decides which periods apply and where the pupil is counted.
struct PeriodPupil {
    std::int64_t pupil_id = 0;
    std::int64_t class_id = 0;
    int grade = 0;
    std::string class_name;  // «5А»
    domain::PersonName name;
    std::string external_id;  // "" when none
};

// By pupil id.
std::vector<PeriodPupil> period_pupils(Database& db, std::int64_t year_id, const std::string& from,
                                       const std::string& to, const FinalsScope& scope);

// The (pupil, subject) pairs the dates should have a mark for: a pupil in a class or group at a
// time when a timetable rule of that class or group gives the subject, inside the dates. Sorted
// and without repeats.
std::vector<std::pair<std::int64_t, std::int64_t>> period_subject_pairs(
    Database& db, std::int64_t year_id, const std::string& from, const std::string& to,
    const FinalsScope& scope);

// One mark given in a lesson dated in a period, with the subject of the lesson.
struct PeriodMarkRow {
    std::int64_t pupil_id = 0;
    std::int64_t subject_id = 0;
    std::int64_t mark_id = 0;
    std::string date;  // the lesson's date, ISO
    int lesson_no = 0;
    std::string work_type;
    std::string value;
    int points = 0;
    std::optional<int> second_points;
};

// Calls `visit` for every mark of a lesson of the year dated in [from, to], ordered by pupil,
// subject, date and lesson. The row is reused between calls.
void for_each_period_mark(Database& db, std::int64_t year_id, const std::string& from,
                          const std::string& to, const FinalsScope& scope,
                          const std::function<void(const PeriodMarkRow&)>& visit);

// The same marks of the whole year's lessons in [from, to], in no promised order: for a report
// that only adds them up (sorting the school's marks of a quarter costs more than reading them).
void for_each_mark_between(Database& db, std::int64_t year_id, const std::string& from,
                           const std::string& to,
                           const std::function<void(const PeriodMarkRow&)>& visit);

struct FinalMarkKey {
    std::int64_t year_id = 0;
    std::int64_t pupil_id = 0;
    std::int64_t subject_id = 0;
    std::string period;  // "Q1" or "year"
};

// What a computation stores: the counts, the mean and the mark with its reason.
struct ComputedMark {
    int marks_count = 0;
    std::int64_t weighted_sum = 0;
    std::int64_t weight_sum = 0;
    std::optional<int> mean;  // hundredths, truncated
    std::string computed;     // "5", "н/а"
    std::string reason;

    bool operator==(const ComputedMark&) const = default;
};

struct FinalMarkRow {
    FinalMarkKey key;
    ComputedMark computed;
    std::optional<std::string> computed_at;
    std::optional<std::string> override_value;
    std::optional<std::int64_t> override_by;  // account
    std::optional<std::string> override_at;
    std::string override_reason;
    std::string final_value;  // the override, else the computed mark
};

// The rows of one period of the year (or of every period with `period` empty), ordered by
// pupil and subject (and period).
std::vector<FinalMarkRow> final_marks_of(Database& db, std::int64_t year_id,
                                         const std::string& period);
std::optional<FinalMarkRow> find_final_mark(Database& db, const FinalMarkKey& key);

// Writes the computed part of a row (creating the row if needed); an override stays.
void write_computed(Database& db, const FinalMarkKey& key, const ComputedMark& mark,
                    const std::string& now);
// Sets or (value nullopt) clears the override, creating the row if needed.
void write_override(Database& db, const FinalMarkKey& key,
                    const std::optional<std::string>& value, std::optional<std::int64_t> by,
                    const std::string& at, const std::string& reason);
void delete_final_mark(Database& db, const FinalMarkKey& key);

}  // namespace schoolctl::store
