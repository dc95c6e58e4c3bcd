#include "app/journal/finals_override.h"

#include <nlohmann/json.hpp>
#include <variant>

#include "app/journal/finals_period.h"
#include "app/journal/pupil_select.h"
#include "domain/grading.h"
#include "store/final_marks.h"
#include "store/period_locks.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

nlohmann::json optional_json(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Whether the period has a mark to set for the pupil in the subject: the timetable gave them the
// subject in the period, or they have marks in it there; for the year, a period mark of it; for
// the exam and the final mark, a year mark of it.
bool studies(Session& session, const PeriodChoice& period, std::int64_t pupil_id,
             std::int64_t subject_id) {
    store::Database& db = session.db();
    if (period.is_exam() || period.is_final()) {
        return store::find_final_mark(
                   db, {period.year_id, pupil_id, subject_id, std::string(year_period)})
            .has_value();
    }
    if (period.is_year()) {
        for (const auto& p : period.all_periods) {
            if (store::find_final_mark(db, {period.year_id, pupil_id, subject_id, p.code})) {
                return true;
            }
        }
        return false;
    }
    store::FinalsScope scope{std::nullopt, pupil_id, subject_id};
    std::string from = domain::format_iso(period.dates.start);
    std::string to = domain::format_iso(period.dates.end);
    auto pupils = store::period_pupils(db, period.year_id, from, to, scope);
    if (pupils.empty()) {
        return false;
    }
    const auto* definition = definition_for_grade(period.definitions, pupils.front().grade);
    if (definition == nullptr) {
        return false;
    }
    from = domain::format_iso(definition->dates.start);
    to = domain::format_iso(definition->dates.end);
    if (!store::period_subject_pairs(db, period.year_id, from, to, scope).empty()) {
        return true;
    }
    bool any = false;
    store::for_each_period_mark(db, period.year_id, from, to, scope,
                                [&](const store::PeriodMarkRow&) { any = true; });
    return any;
}

// Exit 65 for a pupil whose class's grade on the period's dates is taught without marks. Only
// setting a mark is refused: clearing one an older configuration let through is not.
void refuse_unmarked(Session& session, const PeriodChoice& period, const PupilRef& pupil) {
    store::FinalsScope scope{std::nullopt, pupil.person_id, std::nullopt};
    auto in_class = store::period_pupils(session.db(), period.year_id,
                                         domain::format_iso(period.dates.start),
                                         domain::format_iso(period.dates.end), scope);
    if (!in_class.empty() && domain::taught_without_marks(session.settings(),
                                                          in_class.front().grade)) {
        throw Error(ExitCode::data, pupil.short_name + " (" + in_class.front().class_name +
                                        "): grade " + std::to_string(in_class.front().grade) +
                                        " is taught without marks (marks.unmarked_grades), so "
                                        "it has no " + period.code + " mark to set");
    }
}

LockResult change_lock(Session& session, const std::string& text, bool lock) {
    session.require(domain::Permission::marks_write);
    PeriodChoice period = select_period(session, text, true);
    store::Transaction tx(session.db());
    bool changed = lock ? store::lock_period(session.db(), period.year_id, period.code,
                                             utc_iso_now(), session.actor().account_id)
                        : store::unlock_period(session.db(), period.year_id, period.code);
    if (changed) {
        session.audit(lock ? "finals.lock" : "finals.unlock", "period", period.code,
                      {{"year", period.year_name}, {"period", period.code}});
        tx.commit();
    }
    return {period.label(), changed};
}

}  // namespace

OverrideResult set_final_override(Session& session, const OverrideRequest& request) {
    PeriodChoice period = select_period(session, request.period, true);
    PupilRef pupil = select_pupil(session, request.pupil);
    SubjectChoice subject = select_subject(session, request.subject);
    session.require(domain::Permission::marks_write,
                    pupil_subject_target(session, pupil.person_id, subject.id),
                    subject.code + " of " + pupil.short_name);
    OverrideResult r;
    r.pupil = pupil.name + (pupil.class_name.empty() ? "" : " (" + pupil.class_name + ")");
    r.subject = subject.code;
    r.period = period.code;
    r.new_value = request.value;

    domain::MarkScale scale = scale_for(session.settings(), subject.code, subject.scale);
    if (!scale.takes_marks()) {
        throw Error(ExitCode::data, subject.code + " («" + subject.name + "») is on the scale «" +
                                        scale.name + "», which takes no marks");
    }
    if (request.value) {
        auto parsed = domain::parse_mark(*request.value, scale, domain::final_mark_rules());
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            throw Error(ExitCode::usage, "--value \"" + *request.value + "\": " + *reason);
        }
        r.new_value = std::get<domain::Mark>(parsed).text;
    }

    store::Database& db = session.db();
    store::Transaction tx(db);
    if (r.new_value) {
        refuse_unmarked(session, period, pupil);
    }
    refuse_locked(session, period, "set a " + period.code + " mark");
    store::FinalMarkKey key{period.year_id, pupil.person_id, subject.id, period.code};
    auto row = store::find_final_mark(db, key);
    if (!row && !studies(session, period, pupil.person_id, subject.id)) {
        throw Error(ExitCode::data,
                    pupil.short_name + " has no " + subject.code + " in " + period.label() +
                        (period.is_year() ? ": no period mark of it has been computed"
                         : period.of_whole_year()
                             ? ": no year mark of it has been computed (`schoolctl finals "
                               "compute --period year`)"
                             : ": no lessons of it in their classes and groups, and no marks"));
    }
    if (row) {
        r.old_value = row->override_value;
        r.computed = row->computed.computed;
    }
    bool same_reason = row && row->override_reason == request.reason;
    if (r.old_value == r.new_value && (same_reason || !r.new_value)) {
        return r;  // already so: nothing to write, nothing to audit
    }
    std::string now = utc_iso_now();
    if (!r.new_value && row && !row->computed_at) {
        store::delete_final_mark(db, key);  // a row that held only the override
    } else {
        store::write_override(db, key, r.new_value, session.actor().account_id, now,
                              request.reason);
    }
    session.audit("finals.set", "final_mark",
                  std::to_string(pupil.person_id) + "/" + subject.code + "/" + period.code,
                  {{"pupil", pupil.name},
                   {"class", pupil.class_name},
                   {"subject", subject.code},
                   {"year", period.year_name},
                   {"period", period.code},
                   {"computed", r.computed},
                   {"old", optional_json(r.old_value)},
                   {"new", optional_json(r.new_value)},
                   {"reason", request.reason}});
    tx.commit();
    r.changed = true;
    return r;
}

LockResult lock_marks_period(Session& session, const std::string& period) {
    return change_lock(session, period, true);
}

LockResult unlock_marks_period(Session& session, const std::string& period) {
    return change_lock(session, period, false);
}

}  // namespace schoolctl::app
