#pragma once
// Which names of a FET timetable the school's roster does not know, each with a guess at what
// it means: FET files name teachers «Иванова М.П.» and groups «5А-1», the roster
// «Иванова Мария Петровна» (T-0007) and «5А англ. 1». The import refuses such a file as a
// whole, listing every name once, before a row is read: one run shows the deputy head the
// whole mapping to write, not the same unknown teacher on 200 rejected rows.
// Pure: the roster comes in as names, so the check is tested without a database.
#include <cstddef>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "formats/fet_mapping.h"
#include "formats/fet_reader.h"

namespace schoolctl::app {

// What the school has, by the names an import file may use for it.
struct RosterNames {
    struct Staff {
        std::string id;  // external id, "" when none
        domain::PersonName name;
        std::string match_key;  // of the full name
    };
    struct Subject {
        std::string code, name;
    };
    struct Group {
        std::string name;
        std::string class_name;  // «5А» for a subgroup, "" for a stream or elective
    };
    std::vector<Staff> staff;  // who has not left
    std::vector<Subject> subjects;
    std::vector<std::string> classes;  // «5А», of the current year
    std::vector<Group> groups;         // of the current year
    std::vector<std::string> rooms;    // school.rooms; empty = any room will do
};

struct UnmatchedName {
    std::string kind;  // teacher, subject, students, room, day, hour
    std::string name;  // as the FET file spells it
    int lessons = 0;   // lessons a week that use it
    std::string reason;  // "no staff member has this id or full name; did you mean …?"

    std::string str() const;  // teacher «Иванова М.П.» (12 lessons): reason
};

// Every name the import would use — the first teacher, the subject, students sets and room of
// each placed lesson, and its days and hours when the mapping has [days] or [hours] — that
// does not name something of the roster, after the mapping. In kind order, then as the FET
// file lists them.
std::vector<UnmatchedName> unmatched_names(const formats::FetTimetable& timetable,
                                           const formats::FetMapping& mapping,
                                           const RosterNames& roster);

}  // namespace schoolctl::app
