#pragma once
// Marks as people read them: with the lesson's date and number, the subject, the class or group
// and the pupil's name. What `marks list` prints and what a correction or removal checks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"
#include "store/marks.h"

namespace schoolctl::store {

struct ListedMark {
    MarkRow mark;
    std::int64_t year_id = 0;
    std::string date;  // the lesson's, ISO
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::string subject_code;
    std::string subject_name;
    std::optional<std::int64_t> class_id;  // the lesson's class, or
    std::optional<std::int64_t> group_id;  // its group
    domain::PersonName pupil;
};

std::optional<ListedMark> find_listed_mark(Database& db, std::int64_t mark_id);

// Marks of the year dated in [from, to] (ISO), of one pupil or of the pupils who were in a class
// on the lesson's date, optionally of one subject; by date, lesson number and mark id.
struct MarkFilter {
    std::int64_t year_id = 0;
    std::optional<std::int64_t> pupil_id;
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> subject_id;
    std::string from;
    std::string to;
};
std::vector<ListedMark> list_marks(Database& db, const MarkFilter& filter);

// The class the pupil was in on the date (ISO).
std::optional<std::int64_t> pupil_class_on(Database& db, std::int64_t pupil_id,
                                           const std::string& date);

}  // namespace schoolctl::store
