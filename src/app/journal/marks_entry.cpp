#include "app/journal/marks_entry.h"

#include <nlohmann/json.hpp>

#include "app/journal/finals_period.h"
#include "app/journal/journal_lessons.h"
#include "app/journal/mark_checks.h"
#include "app/journal/pupil_select.h"
#include "domain/person_name.h"
#include "store/mark_listing.h"
#include "store/marks.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// The option a lookup's field stands for on the command line.
std::string option_of(const std::string& field) {
    if (field == "work_type") {
        return "--work-type";
    }
    return "--" + field;
}

[[noreturn]] void refuse(const MarkRefusal& r) {
    throw Error(r.code, r.code == ExitCode::no_permission ? r.reason
                                                           : option_of(r.field) + ": " + r.reason);
}

std::int64_t year_of(Session& session, const domain::Date& date) {
    auto year = store::current_year(session.db(), session.school_id(), domain::format_iso(date));
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year (set [academic_year] in "
                                      "schoolctl.toml and run `schoolctl init`)");
    }
    return year->id;
}

nlohmann::json mark_json(const store::MarkRow& m) {
    return {{"lesson_id", m.lesson_id}, {"pupil_id", m.pupil_id}, {"work_type", m.work_type},
            {"slot", m.slot},           {"value", m.value},       {"comment", m.comment}};
}

// A stored mark with what the checks need to know about its lesson.
struct StoredMark {
    store::ListedMark listed;
    MarkPlace place;
    std::string pupil;
};

StoredMark stored_mark(Session& session, std::int64_t mark_id) {
    auto listed = store::find_listed_mark(session.db(), mark_id);
    if (!listed) {
        throw Error(ExitCode::data, "--id " + std::to_string(mark_id) + ": there is no mark " +
                                        std::to_string(mark_id) +
                                        " (see `schoolctl marks list`)");
    }
    MarkPlace place{listed->mark.lesson_id, listed->date,     listed->lesson_no,
                    listed->subject_id,      listed->class_id, listed->group_id,
                    listed->mark.pupil_id,
                    store::pupil_class_on(session.db(), listed->mark.pupil_id, listed->date)};
    std::string pupil = domain::short_name(listed->pupil);
    return {std::move(*listed), place, pupil};
}

}  // namespace

MarkDone add_mark(Session& session, const AddMark& r) {
    store::Database& db = session.db();
    store::Transaction tx(db);
    MarkChecks checks(session, year_of(session, r.date));
    if (auto outside = checks.outside_year(r.date)) {
        refuse(*outside);
    }
    PupilRef pupil;
    try {
        pupil = select_pupil(session, r.pupil);
    } catch (const Error& e) {
        throw Error(e.code(), std::string("--pupil: ") + e.what());
    }
    SubjectChoice subject = select_subject(session, r.subject);
    JournalLessons lessons(db, checks.year().year_id);
    auto found = lessons.find(pupil.person_id, subject.id, r.date, r.lesson_no);
    if (auto* miss = std::get_if<LessonMiss>(&found)) {
        throw Error(ExitCode::data, option_of(miss->field) + ": " + pupil.name + ": " +
                                        miss->reason);
    }
    const JournalLesson& lesson = std::get<JournalLesson>(found);
    MarkPlace place{lesson.lesson_id, lesson.date,     lesson.lesson_no,
                    lesson.subject_id, lesson.class_id, lesson.group_id,
                    pupil.person_id,   lessons.class_on(pupil.person_id, r.date)};
    if (auto refusal = checks.may_write(place)) {
        refuse(*refusal);
    }
    if (auto refusal = checks.unmarked(place)) {
        refuse(*refusal);
    }
    auto value = checks.read_value(subject.id, r.value);
    if (auto* refusal = std::get_if<MarkRefusal>(&value)) {
        refuse(*refusal);
    }
    auto type = checks.read_work_type(r.work_type);
    if (auto* refusal = std::get_if<MarkRefusal>(&type)) {
        refuse(*refusal);
    }
    const domain::Mark& mark = std::get<domain::Mark>(value);
    const domain::WorkType& work = *std::get<const domain::WorkType*>(type);

    std::string now = utc_iso_now();
    store::MarkRow row;
    row.lesson_id = lesson.lesson_id;
    row.pupil_id = pupil.person_id;
    row.work_type = work.code;
    row.slot = store::next_mark_slot(db, row.lesson_id, row.pupil_id, row.work_type);
    row.value = mark.text;
    row.points = mark.points;
    row.second_points = mark.second_points;
    row.comment = r.comment;
    row.author_id = session.actor().account_id;
    row.created_at = row.updated_at = now;
    row.id = store::insert_mark(db, row);
    std::string where = checks.describe(place);
    session.audit("marks.add", "mark", std::to_string(row.id),
                  {{"new", mark_json(row)}, {"pupil", pupil.name}, {"lesson", where}});
    tx.commit();
    return {row.id, pupil.short_name, where, mark.text + " (" + work.code + ")"};
}

MarkDone correct_mark(Session& session, std::int64_t mark_id, const std::string& value,
                      const std::string& reason) {
    store::Database& db = session.db();
    store::Transaction tx(db);
    StoredMark stored = stored_mark(session, mark_id);
    MarkChecks checks(session, stored.listed.year_id);
    if (auto refusal = checks.may_write(stored.place)) {
        refuse(*refusal);
    }
    if (auto refusal = checks.unmarked(stored.place)) {
        refuse(*refusal);
    }
    auto parsed = checks.read_value(stored.place.subject_id, value);
    if (auto* refusal = std::get_if<MarkRefusal>(&parsed)) {
        refuse(*refusal);
    }
    const domain::Mark& mark = std::get<domain::Mark>(parsed);
    store::MarkRow before = stored.listed.mark;
    std::string where = checks.describe(stored.place);
    if (before.value == mark.text) {
        return {mark_id, stored.pupil, where, "unchanged: it is " + mark.text + " already"};
    }
    store::MarkRow after = before;
    after.value = mark.text;
    after.points = mark.points;
    after.second_points = mark.second_points;
    after.author_id = session.actor().account_id;
    after.updated_at = utc_iso_now();
    store::update_mark(db, after);
    store::insert_mark_change(db, {mark_id, before.lesson_id, before.pupil_id, "correct",
                                   before.value, after.value, reason, after.updated_at,
                                   session.actor().account_id});
    session.audit("marks.correct", "mark", std::to_string(mark_id),
                  {{"old", mark_json(before)},
                   {"new", mark_json(after)},
                   {"pupil", domain::full_name(stored.listed.pupil)},
                   {"lesson", where},
                   {"reason", reason}});
    tx.commit();
    return {mark_id, stored.pupil, where, before.value + " → " + after.value};
}

MarkDone remove_mark(Session& session, std::int64_t mark_id, const std::string& reason) {
    if (domain::normalise_spaces(reason).empty()) {
        throw Error(ExitCode::usage, "--reason: say why the mark is removed (it is kept in the "
                                     "mark's history)");
    }
    store::Database& db = session.db();
    store::Transaction tx(db);
    StoredMark stored = stored_mark(session, mark_id);
    MarkChecks checks(session, stored.listed.year_id);
    if (auto refusal = checks.may_write(stored.place)) {
        refuse(*refusal);
    }
    const store::MarkRow& before = stored.listed.mark;
    std::string where = checks.describe(stored.place);
    store::delete_mark(db, mark_id);
    store::insert_mark_change(db, {mark_id, before.lesson_id, before.pupil_id, "remove",
                                   before.value, "", reason, utc_iso_now(),
                                   session.actor().account_id});
    session.audit("marks.remove", "mark", std::to_string(mark_id),
                  {{"old", mark_json(before)},
                   {"pupil", domain::full_name(stored.listed.pupil)},
                   {"lesson", where},
                   {"reason", reason}});
    tx.commit();
    return {mark_id, stored.pupil, where, "removed " + before.value};
}

}  // namespace schoolctl::app
