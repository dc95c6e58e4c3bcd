#pragma once
// Dated lessons as calendar events: the time from the bells the lesson's class follows on the
// timetable's weekday (a working Saturday that follows Friday rings Friday's bells), and what
// a pupil or teacher needs to read on a phone: subject, for whom, room, teacher, substitution,
// move, cancellation.
#include "app/schedule_view.h"
#include "app/school_calendar.h"
#include "app/timetable_targets.h"
#include "formats/ics_writer.h"
#include "store/timetable.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace schoolctl::app {

struct EventContext {
    const SchoolCalendar& calendar;
    const TimetableTargets& targets;
    std::string uid_domain; // after the @ of every UID: the school's external id
    ViewKind kind = ViewKind::class_;
    std::int64_t viewer = 0;               // the teacher whose calendar it is (ViewKind::teacher)
    std::map<std::int64_t, int> revisions; // lesson id -> changes by hand
};

struct LessonEvents {
    std::vector<formats::IcsEvent> events;
    // Lessons left out because no bell schedule gives their time: «5А, MATH, урок 8, 14.01.2027».
    std::vector<std::string> without_bell;
};

LessonEvents lesson_events(const std::vector<const store::LessonView*>& lessons,
                           const EventContext& context);

} // namespace schoolctl::app
