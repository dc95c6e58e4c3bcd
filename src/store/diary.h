#pragma once
// A pupil's days as the diary shows them: the lessons with their topic and homework, the marks,
// the absences and the teachers' remarks.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace schoolctl::store {

struct DiaryLesson {
    std::int64_t id = 0;
    std::string date;  // ISO
    int lesson_no = 0;
    bool cancelled = false;
    std::string subject_code;
    std::string subject_name;
    std::string group_name;  // "" for a lesson of the whole class
    std::string topic;
    std::string homework;
};

struct DiaryMark {
    std::int64_t id = 0;
    std::int64_t lesson_id = 0;
    std::string work_type;  // code
    std::string value;
    std::string comment;
};

struct DiaryAbsence {
    std::int64_t lesson_id = 0;
    std::string code;  // unexcused | excused | ill | late
    std::optional<int> minutes_late;
    std::string note;
};

struct DiaryRemark {
    std::int64_t id = 0;
    std::optional<std::int64_t> lesson_id;
    std::string date;  // ISO
    std::string text;
};

struct DiaryDays {
    std::vector<DiaryLesson> lessons;  // by date and lesson number
    std::vector<DiaryMark> marks;      // by lesson, then as given
    std::vector<DiaryAbsence> absences;
    std::vector<DiaryRemark> remarks;  // by date
};

// The pupil's lessons of the year dated in [from, to]: those of the classes and groups the
// pupil was in on each lesson's day, and any other lesson where the pupil has a mark or an
// absence; with everything the diary shows about them.
DiaryDays read_diary_days(Database& db, std::int64_t year_id, std::int64_t pupil_id,
                          const std::string& from, const std::string& to);

}  // namespace schoolctl::store
