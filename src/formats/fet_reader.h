#pragma once
// Reads a timetable made by FET, the free timetabling program (lalescu.ro/liviu/fet), as plain
// records: the days and hours of the week, the names FET knows (teachers, subjects, rooms,
// students sets) and one lesson per placed activity. Names stay as the file spells them; which
// teacher or class of the school they mean is the import layer's business.
//
// FET keeps a timetable inside its own data: generating one writes NAME_data_and_timetable.fet,
// the input plus, for every activity, an active 100% <ConstraintActivityPreferredStartingTime>
// (day and hour) and, when it has a room, an active 100% <ConstraintActivityPreferredRoom>. A
// person can lock activities the same way in an input file. Generation that stops early writes
// no .fet, only NAME_activities.xml in its "-highest" or "-current" folder, where an activity
// FET could not place has an empty <Day>.
#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace schoolctl::formats {

// A placed activity: a lesson held every week in the same slot.
struct FetLesson {
    int activity_id = 0;
    std::vector<std::string> teachers; // none, one or several
    std::string subject;
    std::vector<std::string> students;   // FET students set names (year, group or subgroup)
    std::string day;                     // FET day name as in the file
    std::string hour;                    // FET hour name of the first hour
    int day_index = 0;                   // into FetTimetable::days
    int hour_index = 0;                  // of the first hour, into FetTimetable::hours
    int duration = 1;                    // hours on that day, from hour_index on, consecutive
    std::string room;                    // empty when FET gave it none
    std::vector<std::string> real_rooms; // when `room` is virtual: the real rooms it got
    std::size_t line = 0;                // of the <Activity> in the .fet file

    bool operator==(const FetLesson&) const = default;
};

struct FetTimetable {
    std::string version; // of the FET that wrote the file: "6.8.5", "5.41.0", "5.27.3-ma10"
    // FET 6's <Mode>: "Official", "Mornings_Afternoons", "Block_Planning" or "Terms"; what the
    // days and hours mean depends on it. Empty in files of FET 5, whose official version had
    // only the official mode (variants named in `version` had others).
    std::string mode;
    std::string institution;
    std::vector<std::string> days, hours; // in order: a lesson's day_index and hour_index
    std::vector<std::string> teachers, subjects, rooms;

    struct StudentsSet {
        std::string name;
        std::string kind; // year|group|subgroup
        // The enclosing years of a group, or groups of a subgroup. FET lets one group belong to
        // several years and one subgroup to several groups (a year divided two ways: English
        // groups and boys/girls); the set is listed once, with every parent.
        std::vector<std::string> parents;
        int students = 0; // <Number_of_Students>

        bool operator==(const StudentsSet&) const = default;
    };
    std::vector<StudentsSet> students_sets; // in file order: a year, its groups, their subgroups

    std::vector<FetLesson> lessons;       // placed active activities, in <Activities_List> order
    std::vector<int> unplaced_activities; // ids of active activities without a slot, same order
};

// Reads a .fet file: an input file or NAME_data_and_timetable.fet. An activity is placed by an
// active <ConstraintActivityPreferredStartingTime> of weight 100 that names a day and an hour,
// and gets its room from an active <ConstraintActivityPreferredRoom> of weight 100; other
// constraints are not read. Inactive activities (<Active>false</Active>) are left out.
//
// Errors: Error(no_input) for a file that cannot be opened; Error(io) for a read error;
// Error(data) naming "FILE:LINE: ..." for malformed XML (expat's line), a root that is not
// <fet>, a missing required element (the days, the hours, an activity's <Id>, <Subject> or
// <Duration>, a constraint's activity), a bad number, a name listed twice, an activity that
// names an unknown teacher, subject or students set, and a placement on an unknown day, hour or
// room, past the end of the day, of an activity that does not exist, or two different
// placements of one activity. Malformed XML, a DOCTYPE or a wrong root ends reading at once;
// other problems are collected and thrown as one Error, one a line in line order (the first
// 20, then how many more).
FetTimetable read_fet(const std::filesystem::path& file);

// The data of `file` with the slots of `activities_xml` (NAME_activities.xml from FET's output
// folder, written for full and for partial timetables) instead of the placements in `file`.
// An activity of `file` not in `activities_xml`, or there with an empty <Day>, is unplaced.
// Errors as above; besides, Error(data) for a root that is not <Activities_Timetable>, and a
// slot of an activity that `file` does not have or has inactive (the two files do not belong
// together).
FetTimetable read_fet(const std::filesystem::path& file,
                      const std::filesystem::path& activities_xml);

} // namespace schoolctl::formats
