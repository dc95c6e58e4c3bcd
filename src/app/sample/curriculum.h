#pragma once
// The federal curriculum a generated school teaches, for a 5-day week: the subjects, the weekly
// hours of each grade, which subjects are taught in two subgroups at once, which ones one
// teacher takes together, and what the primary-school class teacher teaches.
#include <string>
#include <vector>

namespace schoolctl::app::sample {

struct SubjectInfo {
    const char* code;     // "MATH"
    const char* name;     // «Математика»
    const char* scale;    // "five_point", or "none" (ОРКСЭ, ОДНКНР: no marks)
    const char* pool;     // the subject whose teachers take this one too: ALG → MATH
    const char* position; // «математики»: «Учитель математики»
};

const std::vector<SubjectInfo>& subjects();
// The index of a subject code in subjects(); throws std::out_of_range for an unknown code.
int subject_index(const std::string& code);

struct Hours {
    int subject; // index in subjects()
    int hours;   // a week
};

// The weekly plan of a grade (1–11), every-week lessons only.
const std::vector<Hours>& weekly_plan(int grade);
// A slot that gives one subject in week A and another in week B (grades 10–11: ОБЗР / the
// individual project), as two subject indexes; none for other grades.
std::vector<int> alternating_pair(int grade);
// Lessons a week of the grade: the plan plus one slot for the alternating pair.
int weekly_slots(int grade);

// English from grade 2, informatics from 7 in two halves of the class; technology in grades
// 5–9 for boys and girls apart.
bool split_subject(int grade, int subject);
// What the primary-school class teacher teaches in grades 1–4 (the rest: subject teachers).
bool class_teacher_subject(int grade, int subject);

} // namespace schoolctl::app::sample
