#pragma once
// A FET timetable as rows of `schoolctl import timetable`: what each placed lesson becomes
// once the mapping has named its teacher, subject, students and room in the roster's words.
// Pure: no database, so FET's own examples can be checked without a school.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "formats/fet_mapping.h"
#include "formats/fet_reader.h"

namespace schoolctl::app {

// One timetable row: a class or a group, one teacher, one lesson of one weekday, every week of
// the year.
struct FetRecord {
    std::size_t line = 0;  // of the FET <Activity>: rejects cite it
    int activity_id = 0;
    std::string class_name;  // exactly one of class_name and group is set
    std::string group;
    std::string subject;
    std::string teacher;
    std::string room;     // "" for none
    std::string weekday;  // "1" … "7"; the FET day name when [days] does not name it
    std::string lesson;   // "0" … "15"; the FET hour name when [hours] does not name it
};

// The fields of a FetRecord in the order fet_record_fields() gives them: the names of
// `import timetable`'s fields.
const std::vector<std::string>& fet_record_header();
std::vector<std::string> fet_record_fields(const FetRecord& record);

struct FetRecords {
    std::vector<FetRecord> records;  // by activity in file order, then students set, then hour
    // Lessons the conversion changed or left out: other teachers of a lesson, activities FET
    // did not place. `line` 0 is about the whole file.
    struct Note {
        std::size_t line = 0;
        std::string text;
    };
    std::vector<Note> notes;
};

// FET's other modes give days and hours other meanings (a morning and an afternoon as two
// days, terms, blocks of weeks); only the official one is a school week. Exit 65 for another.
void require_official_mode(const formats::FetTimetable& timetable, const std::string& file);

// One record per students set and hour of each placed lesson: a joint lesson of 5А and 5Б is
// two rows, a double lesson rows for lessons n and n+1. The first teacher teaches; the others
// are noted, as are activities without students (not imported) and unplaced activities. A students set mapped in [students] becomes the mapped name; else its FET name.
// Either is a class when it reads as one («5А», «5 а»), else a group.
FetRecords fet_records(const formats::FetTimetable& timetable,
                       const formats::FetMapping& mapping);

// The roster name a FET name is mapped to, with the mapping's line; nullopt when the table
// does not name it. Names compare exactly, then by their match key (case, ё/е and spacing):
// FET keeps names as typed, and a mapping retyped by hand should not fail on «ё».
template <class T>
std::optional<formats::FetMapped<T>> mapped(const std::map<std::string, formats::FetMapped<T>>& in,
                                            const std::string& fet_name) {
    if (auto it = in.find(fet_name); it != in.end()) {
        return it->second;
    }
    const std::string key = domain::match_key(fet_name);
    for (const auto& [name, to] : in) {
        if (domain::match_key(name) == key) {
            return to;
        }
    }
    return std::nullopt;
}

// The weekday (lesson) of FET's day (hour) `index`: from [days] ([hours]) when the mapping has
// it, else index + 1; nullopt when the table is there but does not name it.
std::optional<int> fet_weekday(const formats::FetTimetable& timetable,
                               const formats::FetMapping& mapping, int day_index);
std::optional<int> fet_lesson(const formats::FetTimetable& timetable,
                              const formats::FetMapping& mapping, int hour_index);

}  // namespace schoolctl::app
