#pragma once
// The people of one generated school: its classes, pupils in families, the guardians the
// siblings share, and the subgroups (English and informatics halves, technology for boys and
// girls apart).
#include "app/sample/names.h"
#include "app/sample/random.h"
#include "domain/date.h"

#include <array>
#include <string>
#include <vector>

namespace schoolctl::app::sample {

struct SchoolClass {
    int grade = 1;
    std::string name;        // «5А»
    std::vector<int> pupils; // indexes into Roster::pupils, in alphabetical order
    // The subgroups of the class (indexes into Roster::groups), -1 where the subject is taught
    // to the whole class: halves of the list for English and informatics, boys and girls for
    // technology. A class too small to have both parts is not split.
    std::array<int, 2> english{-1, -1};
    std::array<int, 2> informatics{-1, -1};
    std::array<int, 2> technology{-1, -1};
};

struct Pupil {
    std::string id; // S-0001
    Name name;
    Sex sex = Sex::male;
    domain::Date born;
    int klass = 0;  // index into Roster::classes
    int family = 0; // index into Roster::families
};

struct Guardian {
    std::string id; // G-0001
    Name name;
    std::string phone;
    std::string email;         // may be empty
    std::vector<int> children; // pupil indexes
};

// A subgroup of a class: which half, or boys / girls.
enum class Lane { whole = 0, first = 1, second = 2 };

struct Group {
    std::string name; // «5А англ. 1», «7А инф. 2», «5А труд (мальчики)»
    int klass = 0;
    std::vector<int> pupils;
};

struct Roster {
    std::vector<SchoolClass> classes; // by grade, then letter
    std::vector<Pupil> pupils;        // in id order: by class, then name
    std::vector<Guardian> guardians;  // in id order: by their first child's id
    std::vector<Group> groups;
    int families = 0;
};

// How the classes of a school of `pupils` pupils are laid out: about 25 a class, the spare
// classes in the lower grades; a small school still has every grade it can fill with classes
// of a dozen (a village school: 120 pupils in 10 classes).
std::vector<SchoolClass> class_layout(int pupils);
// The most pupils one school may have: 11 grades × the letters a class can take × 25.
int max_school_pupils();

// Ids look like S-0001 (pupils), G-0001 (guardians), T-0001 (staff); in a district the
// school's number comes first (S-1001-0001), so ids are unique across the district.
std::string person_id(char kind, const std::string& school_prefix, int number, int width);

Roster make_roster(Random& rng, int pupils, const std::string& id_prefix);

// The subgroup a lesson of `subject` in lane `lane` goes to, or -1 for the whole class.
int group_of(const Roster& roster, int klass, int subject, Lane lane);

} // namespace schoolctl::app::sample
