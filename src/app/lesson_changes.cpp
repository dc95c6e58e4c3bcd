#include "app/lesson_changes.h"

#include <nlohmann/json.hpp>

#include "app/class_select.h"
#include "app/school_calendar.h"
#include "app/staff_select.h"
#include "app/timetable_targets.h"
#include "domain/bell_choice.h"
#include "domain/person_name.h"
#include "domain/weekday.h"
#include "store/names.h"
#include "store/timetable.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using domain::format_ru;

// The lesson being changed and everything around it that day.
struct Found {
    SchoolCalendar calendar;
    std::optional<TimetableTargets> targets;
    store::LessonView lesson;
    std::string label;  // «5А, MATH, урок 3, 14.01.2027»
};

std::string label_of(const TimetableTargets& targets, const store::LessonView& l) {
    return targets.of(l).name + ", " + l.subject_code + ", урок " + std::to_string(l.lesson_no) +
           ", " + format_ru(*domain::parse_date(l.date));
}

Found find_lesson(Session& session, const LessonSelector& which) {
    Found f{load_school_calendar(session, which.date), std::nullopt, {}, {}};
    store::Database& db = session.db();
    f.targets.emplace(db, f.calendar.year.year_id);
    std::optional<std::int64_t> class_id;
    std::string whose;
    if (!which.class_name.empty()) {
        ClassRef c = select_class(session, which.class_name);
        class_id = c.id;
        whose = c.name;
    } else if (!which.group) {
        throw Error(ExitCode::usage, "give --class (and --group for a subgroup or stream)");
    } else {
        whose = *which.group;
    }
    std::string iso = domain::format_iso(which.date);
    auto day = store::lessons_between(db, f.calendar.year.year_id, iso, iso);
    std::vector<store::LessonView> of_class, matching;
    for (const auto& l : day) {
        if (class_id && l.class_family() != *class_id) {
            continue;
        }
        if (which.group) {
            if (!l.group_id ||
                domain::match_key(f.targets->of_group(*l.group_id)->name) !=
                    domain::match_key(*which.group)) {
                continue;
            }
        }
        of_class.push_back(l);
        if (l.lesson_no != which.lesson_no) {
            continue;
        }
        if (which.subject && domain::match_key(l.subject_code) != domain::match_key(*which.subject) &&
            domain::match_key(l.subject_name) != domain::match_key(*which.subject)) {
            continue;
        }
        matching.push_back(l);
    }
    if (matching.empty()) {
        std::string those;
        for (const auto& l : of_class) {
            those += (those.empty() ? "" : ", ") + std::to_string(l.lesson_no) + " " +
                     l.subject_code;
        }
        throw Error(ExitCode::data,
                    whose + " has no lesson " + std::to_string(which.lesson_no) +
                        (which.subject ? " of " + *which.subject : std::string{}) + " on " +
                        format_ru(which.date) +
                        (those.empty() ? " (no lessons that day: run `schoolctl schedule "
                                         "generate`, or check the calendar)"
                                       : " (lessons that day: " + those + ")"));
    }
    if (matching.size() > 1) {
        std::string those;
        for (const auto& l : matching) {
            those += (those.empty() ? "" : ", ") + f.targets->of(l).name + " " +
                     l.subject_code;
        }
        throw Error(ExitCode::data, whose + " has " + std::to_string(matching.size()) +
                                        " lessons " + std::to_string(which.lesson_no) + " on " +
                                        format_ru(which.date) + ": " + those +
                                        "; say which with --group or --subject");
    }
    f.lesson = matching.front();
    f.label = label_of(*f.targets, f.lesson);
    return f;
}

nlohmann::json state_json(const store::LessonState& s) {
    return {{"date", s.date},
            {"lesson", s.lesson_no},
            {"room", s.room},
            {"substitute_id", s.substitute_id ? nlohmann::json(*s.substitute_id) : nullptr},
            {"status", s.status}};
}

store::LessonState state_of(const store::LessonView& l) {
    return {l.id, l.date, l.lesson_no, l.room, l.substitute_id, l.status};
}

ChangeResult record(Session& session, const Found& f, const store::LessonState& after,
                    const std::string& kind, const std::string& change, const std::string& reason) {
    store::LessonState before = state_of(f.lesson);
    store::update_lesson_state(session.db(), after);
    store::insert_lesson_change(session.db(),
                                {f.lesson.id, kind, utc_iso_now(), session.actor().account_id,
                                 state_json(before).dump(), state_json(after).dump(), reason});
    session.audit("schedule." + kind, "lesson", std::to_string(f.lesson.id),
                  {{"lesson", f.label},
                   {"old", state_json(before)},
                   {"new", state_json(after)},
                   {"planned_teacher_id", f.lesson.teacher_id},
                   {"reason", reason}});
    return {f.label, change};
}

// Who else is at (date, lesson): the first lesson, other than `self`, that `busy` says clashes.
template <typename Busy>
std::optional<store::LessonView> clash_at(Session& session, const Found& f, const std::string& iso,
                                          int lesson_no, Busy busy) {
    for (const auto& l : store::lessons_between(session.db(), f.calendar.year.year_id, iso, iso)) {
        if (l.id != f.lesson.id && l.lesson_no == lesson_no && l.status != "cancelled" &&
            busy(l)) {
            return l;
        }
    }
    return std::nullopt;
}

}  // namespace

ChangeResult substitute_lesson(Session& session, const LessonSelector& which,
                               const std::string& teacher, const std::string& reason) {
    session.require(domain::Permission::timetable_write);
    store::Transaction tx(session.db());
    Found f = find_lesson(session, which);
    StaffRef sub = select_staff(session, teacher);
    if (f.lesson.status == "cancelled") {
        throw Error(ExitCode::data, f.label + " is cancelled; `schoolctl schedule restore` it "
                                              "first");
    }
    if (sub.person_id == f.lesson.teacher_id) {
        throw Error(ExitCode::data, sub.short_name + " is the lesson's own teacher; to undo a "
                                                     "substitution use `schoolctl schedule "
                                                     "restore`");
    }
    if (f.lesson.substitute_id == sub.person_id) {
        throw Error(ExitCode::data, sub.short_name + " already substitutes at " + f.label);
    }
    if (auto other = clash_at(session, f, f.lesson.date, f.lesson.lesson_no,
                              [&](const store::LessonView& l) {
                                  return l.teaching_id() == sub.person_id;
                              })) {
        throw Error(ExitCode::data, sub.short_name + " teaches " + label_of(*f.targets, *other) +
                                        " at the same time");
    }
    store::LessonState after = state_of(f.lesson);
    after.substitute_id = sub.person_id;
    std::string planned = domain::short_name(f.lesson.teacher);
    ChangeResult r = record(session, f, after, "substitute",
                            "замена: " + sub.short_name + " (по расписанию " + planned + ")", reason);
    tx.commit();
    return r;
}

ChangeResult cancel_lesson(Session& session, const LessonSelector& which,
                           const std::string& reason) {
    session.require(domain::Permission::timetable_write);
    store::Transaction tx(session.db());
    Found f = find_lesson(session, which);
    if (f.lesson.status == "cancelled") {
        throw Error(ExitCode::data, f.label + " is already cancelled");
    }
    store::LessonState after = state_of(f.lesson);
    after.status = "cancelled";
    ChangeResult r = record(session, f, after, "cancel", "отменён", reason);
    tx.commit();
    return r;
}

ChangeResult move_lesson(Session& session, const LessonSelector& which, const MoveTo& to,
                         const std::string& reason) {
    session.require(domain::Permission::timetable_write);
    if (!to.date && !to.lesson_no && !to.room) {
        throw Error(ExitCode::usage, "say where to: --to-date, --to-lesson and/or --to-room");
    }
    store::Transaction tx(session.db());
    Found f = find_lesson(session, which);
    if (f.lesson.status == "cancelled") {
        throw Error(ExitCode::data, f.label + " is cancelled; `schoolctl schedule restore` it "
                                              "first");
    }
    store::LessonState after = state_of(f.lesson);
    Date date = to.date.value_or(*domain::parse_date(f.lesson.date));
    after.date = domain::format_iso(date);
    after.lesson_no = to.lesson_no.value_or(f.lesson.lesson_no);
    after.room = to.room.value_or(f.lesson.room);
    const TargetInfo& target = f.targets->of(f.lesson);
    const auto& year = f.calendar.year.dates;
    if (date < year.start || year.end < date) {
        throw Error(ExitCode::data, format_ru(date) + " is outside the academic year " +
                                        f.calendar.year.name);
    }
    auto verdict = domain::study_day(f.calendar.study, date, target.grade);
    if (!verdict.study()) {
        throw Error(ExitCode::data, format_ru(date) + " is not a study day for " + target.name +
                                        ": " + verdict.reason);
    }
    if (!f.calendar.year.bells.empty() &&
        !domain::bell_for(f.calendar.year.bells, target.bell_class, target.grade,
                          verdict.timetable_weekday, after.lesson_no, date)) {
        throw Error(ExitCode::data, "lesson " + std::to_string(after.lesson_no) +
                                        " is not in the bell schedule of " + target.name +
                                        " on " + format_ru(date));
    }
    std::int64_t me = f.lesson.class_family();
    auto other = clash_at(session, f, after.date, after.lesson_no, [&](const store::LessonView& l) {
        bool same_class = me != 0 && l.class_family() == me &&
                          !(f.lesson.group_id && l.group_id && l.group_id != f.lesson.group_id);
        bool same_group = f.lesson.group_id && l.group_id == f.lesson.group_id;
        return same_class || same_group || l.teaching_id() == f.lesson.teaching_id() ||
               (!after.room.empty() && l.room == after.room);
    });
    if (other) {
        throw Error(ExitCode::data, "cannot move " + f.label + ": " + label_of(*f.targets, *other) +
                                        " (" + domain::short_name(other->teaching()) +
                                        (other->room.empty() ? "" : ", " + other->room) +
                                        ") is at that time");
    }
    std::string change = "перенесён на " + format_ru(date) + ", урок " +
                         std::to_string(after.lesson_no) +
                         (after.room.empty() ? "" : ", " + after.room);
    ChangeResult r = record(session, f, after, "move", change, reason);
    tx.commit();
    return r;
}

ChangeResult restore_lesson(Session& session, const LessonSelector& which,
                            const std::string& reason) {
    session.require(domain::Permission::timetable_write);
    store::Transaction tx(session.db());
    Found f = find_lesson(session, which);
    // A lesson always has its rule: lessons reference rules, which are never deleted.
    std::optional<store::RuleRow> rule = store::find_rule_by_id(session.db(), f.lesson.rule_id);
    store::LessonState after{f.lesson.id, f.lesson.rule_date, rule->lesson_no, rule->room,
                             std::nullopt, "scheduled"};
    store::LessonState before = state_of(f.lesson);
    if (before.date == after.date && before.lesson_no == after.lesson_no &&
        before.room == after.room && !before.substitute_id && before.status == after.status) {
        throw Error(ExitCode::data, f.label + " is already as the timetable has it");
    }
    ChangeResult r = record(session, f, after, "restore", "как в расписании", reason);
    tx.commit();
    return r;
}

}  // namespace schoolctl::app
