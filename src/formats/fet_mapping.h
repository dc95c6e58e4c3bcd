#pragma once
// `schoolctl import fet --mapping`: what the names of a FET file mean in the school's roster.
// FET keeps its own short names («Иванова М.П.», «5А-1», «каб. 101»); the roster has staff ids,
// full names, groups such as «5А англ. 1» and the rooms of school.rooms.
//
//   [teachers]   "Иванова М.П." = "T-0007"          # staff id or full name
//   [subjects]   "ОДНКНР" = "ODNKNR"                # subject code or name
//   [students]   "5А-1" = "5А англ. 1"              # class or group
//   [rooms]      "каб. 101" = "101"                 # "" = no room
//   [days]       "Пн" = 1                           # weekday, 1 = Monday … 7 = Sunday
//   [hours]      "08:30" = 1                        # lesson number, 0-15
//
// Every table is optional. Whether a mapped name exists is the import's business; this reads
// and shapes the file.
#include <cstddef>
#include <map>
#include <string>

namespace schoolctl::formats {

template <class T> struct FetMapped {
    T to;
    std::size_t line = 0; // of the key in the mapping file
};

struct FetMapping {
    std::string file; // empty when there is no mapping file
    std::map<std::string, FetMapped<std::string>> teachers, subjects, students, rooms;
    // When a table is present it must name every day (hour) the timetable uses; when it is
    // absent FET's i-th day is weekday i+1 and its j-th hour lesson j+1.
    std::map<std::string, FetMapped<int>> days, hours;
    bool has_days = false, has_hours = false;
};

// Errors: a missing file exits 66; TOML syntax, an unknown table or key, an empty name, a
// value of the wrong type or out of range exits 78 as `FILE:LINE: table."key": reason`.
FetMapping read_fet_mapping(const std::string& path);

} // namespace schoolctl::formats
