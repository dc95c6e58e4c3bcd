#pragma once
// Marks given by hand: a mark for a pupil's lesson, a correction, a removal. Each change is
// checked (marks.write on the lesson, the edit window, the locked periods, the subject's scale),
// written with its history row (mark_changes) and its audit row in one transaction.
#include <cstdint>
#include <optional>
#include <string>

#include "app/session.h"
#include "domain/date.h"

namespace schoolctl::app {

struct AddMark {
    std::string pupil;    // id, login or name (see pupil_select.h)
    std::string subject;  // code or name
    domain::Date date;
    std::string value;                // «5», «4/3», «зач»
    std::string work_type;            // code or name; "" for marks.default_work_type
    std::optional<int> lesson_no;     // needed when the subject has two lessons that day
    std::string comment;
};

struct MarkDone {
    std::int64_t mark_id = 0;
    std::string pupil;   // «Абрамова Д. Е.»
    std::string lesson;  // «5А, MATH, урок 2, 12.11.2026»
    std::string change;  // «5 (answer)», «4 → 5», «removed 4»
};

// Exit 65 for a pupil, subject, lesson or value that is not there or not allowed (a locked
// period, a lesson still to come); 77 without marks.write on the lesson, or past the edit window.
MarkDone add_mark(Session& session, const AddMark& request);
// A new value for a mark; nothing changes when it is the same.
MarkDone correct_mark(Session& session, std::int64_t mark_id, const std::string& value,
                      const std::string& reason);
MarkDone remove_mark(Session& session, std::int64_t mark_id, const std::string& reason);

}  // namespace schoolctl::app
