#include "app/export/ics_events.h"

#include "domain/bell_choice.h"
#include "domain/person_name.h"
#include "domain/study_calendar.h"
#include "formats/config_validate.h"

#include <optional>

namespace schoolctl::app {
namespace {

using domain::Date;

struct Slot {
    int start = 0; // minutes since midnight, Moscow time
    int end = 0;
};

// The bells of the timetable's weekday: a working Saturday that follows Friday's timetable
// follows Friday's bells too. A lesson moved onto a day off keeps that day's own weekday.
std::optional<Slot> slot_of(const store::LessonView& l, const Date& date, const TargetInfo& t,
                            const SchoolCalendar& calendar) {
    domain::DayVerdict verdict = domain::study_day(calendar.study, date, t.grade);
    int weekday =
        verdict.study()
            ? verdict.timetable_weekday
            : static_cast<int>(std::chrono::weekday{std::chrono::sys_days{date}}.iso_encoding());
    auto bell =
        domain::bell_for(calendar.year.bells, t.bell_class, t.grade, weekday, l.lesson_no, date);
    if (!bell) {
        return std::nullopt;
    }
    auto start = formats::parse_hhmm(bell->start);
    auto end = formats::parse_hhmm(bell->end);
    if (!start || !end || *end <= *start) {
        return std::nullopt;
    }
    return Slot{*start, *end};
}

// The planned teacher of a substituted lesson sees it as the lesson someone else gives.
bool replaced_viewer(const store::LessonView& l, const EventContext& c) {
    return c.kind == ViewKind::teacher && l.substitute_id && l.teacher_id == c.viewer;
}

std::string summary_of(const store::LessonView& l, const std::string& who_for,
                       const EventContext& c) {
    std::string out = (l.subject_name.empty() ? l.subject_code : l.subject_name) + ", " + who_for;
    if (replaced_viewer(l, c)) {
        out += " (заменяет " + domain::short_name(l.substitute) + ")";
    }
    // Apps that ignore STATUS still show the word.
    return l.status == "cancelled" ? "Отменён: " + out : out;
}

std::string description_of(const store::LessonView& l) {
    std::string out = "Урок " + std::to_string(l.lesson_no) + "\n";
    if (l.substitute_id) {
        out += "Учитель: " +
               domain::full_name(l.substitute) +
               "\nзамена: " + domain::short_name(l.substitute) + " вместо " + domain::short_name(l.teacher);
    } else {
        out += "Учитель: " + domain::full_name(l.teacher);
    }
    if (l.date != l.rule_date) {
        if (auto from = domain::parse_date(l.rule_date)) {
            out += "\nперенесён с " + domain::format_ru(*from);
        }
    }
    if (l.status == "cancelled") {
        out += "\nурок отменён";
    }
    return out;
}

} // namespace

LessonEvents lesson_events(const std::vector<const store::LessonView*>& lessons,
                           const EventContext& c) {
    LessonEvents out;
    for (const store::LessonView* l : lessons) {
        const TargetInfo& target = c.targets.of(*l);
        bool known = !target.name.empty();
        auto date = domain::parse_date(l->date);
        std::string who_for = known ? target.name : l->subject_code;
        std::optional<Slot> slot =
            known && date ? slot_of(*l, *date, target, c.calendar) : std::nullopt;
        if (!slot) {
            out.without_bell.push_back(who_for + ", " + l->subject_code + ", урок " +
                                       std::to_string(l->lesson_no) + ", " +
                                       (date ? domain::format_ru(*date) : l->date));
            continue;
        }
        formats::IcsEvent e;
        e.uid = "lesson-" + std::to_string(l->id) + "@" + c.uid_domain;
        e.date = *date;
        e.start_minute = slot->start;
        e.end_minute = slot->end;
        e.summary = summary_of(*l, who_for, c);
        e.location = l->room;
        e.description = description_of(*l);
        bool cancelled = l->status == "cancelled";
        e.status = cancelled ? formats::IcsStatus::cancelled : formats::IcsStatus::confirmed;
        e.busy = cancelled || replaced_viewer(*l, c) ? formats::IcsBusy::transparent
                                                     : formats::IcsBusy::opaque;
        // Every change by hand (substitute, cancel, move, restore) adds one, so the number only
        // grows and an app that already has the lesson takes the new version. A re-imported
        // timetable that gives a lesson another teacher, room or number leaves no such trace:
        // subscribed apps re-read the whole file anyway (METHOD:PUBLISH).
        auto revision = c.revisions.find(l->id);
        e.sequence = revision == c.revisions.end() ? 0 : revision->second;
        out.events.push_back(std::move(e));
    }
    return out;
}

} // namespace schoolctl::app
