#pragma once
// Recording who missed a lesson or came late (`attendance mark`): one pupil, or several pupils of
// one lesson at once. Present is the default and is not stored, so marking a pupil present
// removes the absence. A changed code (Н → Б) keeps the old one in attendance_changes, and every
// change is an audit row. Permission attendance.write on the lesson: a subject teacher in their
// subjects and classes or groups, a class teacher in their class.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/journal/journal_context.h"
#include "app/session.h"
#include "domain/attendance_code.h"

namespace schoolctl::app {

// What a teacher or a file writes for a pupil at a lesson: an absence code (the school's labels
// and the usual letters, see domain::parse_absence), or "present". The outer nullopt: neither;
// the inner one: present.
std::optional<std::optional<domain::Absence>> parse_attendance_code(
    std::string_view text, const domain::AbsenceLabels& labels);
// "Н, П, Б, ОП or present", for the hint after a refused code.
std::string attendance_codes_hint(const domain::AbsenceLabels& labels);
// The label of a stored state: «Н», or «присутствовал» for present.
std::string attendance_label(const std::optional<domain::Absence>& absence,
                             const domain::AbsenceLabels& labels);

// Minutes of lateness are 1 to this; a longer lateness is an absence.
inline constexpr int max_minutes_late = 90;

// What one pupil at one lesson becomes.
struct AttendanceWrite {
    LessonAt lesson;
    std::int64_t pupil_id = 0;
    std::optional<domain::Absence> absence;  // nullopt: present
    std::optional<int> minutes;              // lateness only
    bool keep_minutes = false;  // no minutes given: a lateness keeps the minutes it had
    std::optional<std::string> note;  // nullopt: keep the note there is
    std::string source;  // "attendance.csv:14"; "" when marked by hand
    std::string reason;  // kept in the history of a changed code
};

enum class AttendanceOutcome { created, updated, removed, unchanged };

// Writes the row (or removes it for present), the history of a changed code and the audit row,
// inside the caller's transaction and after its permission check. Returns what it did and the
// state before (nullopt: present).
struct AttendanceWritten {
    AttendanceOutcome outcome = AttendanceOutcome::unchanged;
    std::optional<domain::Absence> before;
};
AttendanceWritten write_attendance(Session& session, const AttendanceWrite& write,
                                   const std::string& now);

struct MarkRequest {
    std::optional<std::string> pupil;       // one pupil anywhere in the school, or
    std::optional<std::string> class_name;  // the `pupils` of a class's lesson (its subgroups'
    std::optional<std::string> group;       // too) or of a group's lesson
    // Ids, logins or names, one per item or comma-separated; a surname is enough when no one
    // else in the lesson has it.
    std::vector<std::string> pupils;
    std::string subject;
    domain::Date date;
    std::optional<int> lesson_no;
    std::string code;  // as typed
    std::optional<int> minutes;
    std::optional<std::string> note;
};

struct MarkedPupil {
    std::string pupil;   // «Абрамова Д. Е.»
    std::string lesson;  // «5А, MATH, урок 1, 17.11.2026»
    std::string before;  // labels: «Н», «присутствовал»
    std::string after;
    AttendanceOutcome outcome = AttendanceOutcome::unchanged;
};

// All the pupils or none. Exit 64 for a code, minutes or a choice of options that make no sense;
// 65 for a pupil, subject or lesson that is not there (with the nearest lesson dates), a lesson
// after today, a pupil named twice; 77 without the permission on one of the lessons.
std::vector<MarkedPupil> mark_attendance(Session& session, const MarkRequest& request);

}  // namespace schoolctl::app
