#pragma once
// What the attendance and lesson-note commands read once per command or import: the academic
// year of the day they work on, its classes and groups, the school's subjects, and (on first
// use) the year's lessons with who was in which class and group when. It names lessons the way
// messages print them and turns them into permission targets.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "app/journal/journal_lessons.h"
#include "app/school_calendar.h"
#include "app/session.h"
#include "app/timetable_targets.h"
#include "domain/access.h"
#include "store/subjects.h"

namespace schoolctl::app {

// A lesson as the journal commands name and check it.
struct LessonAt {
    std::int64_t id = 0;
    domain::Date date;
    int lesson_no = 0;
    std::int64_t subject_id = 0;
    std::optional<std::int64_t> class_id;  // the class, or the class its subgroup is part of
    std::optional<std::int64_t> group_id;
    std::string target;  // whose lesson: «5А», «5А англ. 1»
    std::string label;   // «5А англ. 1, ENG, урок 3, 17.11.2026»
};

class JournalContext {
public:
    // The academic year containing `day`, else the latest; exit 78 when the school has none.
    JournalContext(Session& session, const domain::Date& day);

    Session& session() { return session_; }
    const SchoolCalendar& calendar() const { return calendar_; }
    std::int64_t year_id() const { return calendar_.year.year_id; }
    const TimetableTargets& targets() const { return targets_; }
    // Loaded on first use: the whole year's lessons and memberships.
    const JournalLessons& lessons();

    // Exit 65 naming `option` when the date lies outside the academic year.
    void require_in_year(const domain::Date& date, const std::string& option) const;
    // A subject of the school by code (MATH) or name («Математика»), any case; exit 65 naming
    // `option` with the codes there are.
    const store::SubjectRow& subject(const std::string& text, const std::string& option) const;
    const store::SubjectRow* subject_by_id(std::int64_t id) const;

    LessonAt describe(const JournalLesson& lesson) const;
    LessonAt describe(const store::LessonView& lesson) const;
    // A lesson by its fields: its date is ISO, and one of class_id and group_id is set.
    LessonAt describe(std::int64_t id, const std::string& date, int lesson_no,
                      std::int64_t subject_id, std::optional<std::int64_t> class_id,
                      std::optional<std::int64_t> group_id) const;
    // The lesson as a permission target: the school, its class (a subgroup's class), its group
    // and its subject; with `pupil`, that pupil too.
    domain::Target access(const LessonAt& lesson,
                          std::optional<std::int64_t> pupil = std::nullopt) const;

private:
    Session& session_;
    SchoolCalendar calendar_;
    TimetableTargets targets_;
    std::map<std::int64_t, store::SubjectRow> subjects_;
    std::optional<JournalLessons> lessons_;
};

// "01.09.2026–26.05.2027"
std::string date_range_text(const domain::DateRange& range);

}  // namespace schoolctl::app
