#include "app/import/importers.h"

#include "app/import/assignments.h"
#include "app/import/classes.h"
#include "app/import/groups.h"
#include "app/import/guardians.h"
#include "app/import/staff.h"
#include "app/import/students.h"
#include "app/import/subjects.h"
#include "app/import/timetable.h"

namespace schoolctl::app {

const std::vector<ImportKind>& import_kinds() {
    static const std::vector<ImportKind> kinds = {
        {"students", "Pupils with their classes; matched by id column or name + birth date",
         make_student_importer},
        {"guardians",
         "Parents and carers, linked to pupils by the children's ids or a family key",
         make_guardian_importer},
        {"staff", "Teachers and other staff with position and subjects; matched by id or name",
         make_staff_importer},
        {"subjects", "Subjects: code, name and grading scale; matched by code",
         make_subject_importer},
        {"classes", "The year's classes and their class teachers", make_class_importer},
        {"groups", "Subgroups, streams and electives of the year, and who is in each",
         make_group_importer},
        {"assignments",
         "Who teaches which subject in which class or group, and who is class teacher",
         make_assignment_importer},
        {"timetable",
         "Timetable rules: class or group, subject, teacher, room, weekday, lesson, "
         "periodicity, valid from/to",
         make_timetable_importer},
    };
    return kinds;
}

}  // namespace schoolctl::app
