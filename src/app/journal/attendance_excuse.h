#pragma once
// A medical note or a parent's note arrives: every unexcused absence (Н) of a pupil in a range
// of days becomes ill (Б) or excused (П). Lateness is left alone, each change keeps the old code
// in attendance_changes with the reason and is an audit row, and running it again changes
// nothing. Permission attendance.write on the pupil: the class teacher of the pupil's class, or
// the school's administration.
#include <string>
#include <vector>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

struct ExcuseRequest {
    std::string pupil;
    domain::Date from;
    domain::Date to;
    std::string code;  // as typed: Б or П (the school's labels)
    std::string reason;
};

struct ExcuseResult {
    std::string pupil;                 // «Абрамова Д. Е.»
    std::string code;                  // the label it became: «Б»
    std::vector<std::string> changed;  // the lessons, «5А, MATH, урок 1, 17.11.2026»
    std::size_t already = 0;           // absences in the range that were not Н
};

// Exit 64 for a code other than ill or excused, or from after to; 65 for an unknown pupil or
// days outside the academic year; 77 without the permission.
ExcuseResult excuse_absences(Session& session, const ExcuseRequest& request);

}  // namespace schoolctl::app
