#include "app/journal/finals_compute.h"

#include <algorithm>
#include <map>

#include "app/class_select.h"
#include "app/journal/finals_inputs.h"
#include "domain/grading.h"
#include "domain/period_mark.h"
#include "store/final_marks.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using PairKey = std::pair<std::int64_t, std::int64_t>;  // pupil, subject
using Results = std::map<PairKey, store::ComputedMark>;
// Pupils of grades taught without marks, left out of the computation: by id.
using Unmarked = std::map<std::int64_t, store::PeriodPupil>;

// The pupils of the dates that get marks; the others go to `unmarked`.
std::vector<store::PeriodPupil> marked_pupils(Session& session, std::vector<store::PeriodPupil> all,
                                              Unmarked& unmarked) {
    std::vector<store::PeriodPupil> out;
    for (auto& p : all) {
        if (domain::taught_without_marks(session.settings(), p.grade)) {
            std::int64_t id = p.pupil_id;
            unmarked.emplace(id, std::move(p));
        } else {
            out.push_back(std::move(p));
        }
    }
    return out;
}

store::ComputedMark stored(const domain::PeriodMark& m) {
    return {m.count, m.weighted_sum, m.weight_sum, m.mean, m.symbol, m.reason};
}

// The period marks of the pupils whose grade takes this definition of the period.
void compute_definition(Session& session, const PeriodChoice& period,
                        const domain::AttestationPeriod& definition,
                        const store::FinalsScope& scope, FinalsInputs& inputs,
                        PupilsInScope& pupils, Unmarked& unmarked, Results& results) {
    store::Database& db = session.db();
    std::string from = domain::format_iso(definition.dates.start);
    std::string to = domain::format_iso(definition.dates.end);
    std::map<std::int64_t, const store::PeriodPupil*> mine;
    std::vector<store::PeriodPupil> of_definition;
    for (auto& p : store::period_pupils(db, period.year_id, from, to, scope)) {
        if (definition_for_grade(period.definitions, p.grade) == &definition) {
            of_definition.push_back(std::move(p));
        }
    }
    for (auto& p : marked_pupils(session, std::move(of_definition), unmarked)) {
        std::int64_t id = p.pupil_id;
        mine.emplace(id, &pupils.add(std::move(p)));
    }
    std::map<PairKey, std::vector<domain::WeightedMark>> marks;
    for (const auto& pair : store::period_subject_pairs(db, period.year_id, from, to, scope)) {
        if (mine.count(pair.first) != 0) {
            marks[pair];
        }
    }
    // Marks come ordered by pupil and subject: each pair's list is built in one go, and a pair
    // with marks is wanted even when the timetable no longer says so (the pupil left a group).
    std::vector<domain::WeightedMark>* current = nullptr;
    PairKey current_key{0, 0};
    const store::PeriodPupil* owner = nullptr;
    bool started = false;
    store::for_each_period_mark(
        db, period.year_id, from, to, scope, [&](const store::PeriodMarkRow& m) {
            PairKey key{m.pupil_id, m.subject_id};
            if (!started || key != current_key) {
                started = true;
                auto it = mine.find(m.pupil_id);
                owner = it == mine.end() ? nullptr : it->second;
                current = owner == nullptr ? nullptr : &marks[key];
                current_key = key;
            }
            if (owner == nullptr) {
                return;  // a pupil of another grade's definition of the period, or of no class
            }
            if (auto weighted = inputs.weighted(m, *owner)) {
                current->push_back(std::move(*weighted));
            }
        });
    inputs.check_work_types();
    std::optional<int> min_marks = definition.min_marks;
    for (const auto& [key, list] : marks) {
        const domain::MarkScale& scale = inputs.scale_of_subject(key.second);
        if (!scale.takes_marks()) {
            continue;
        }
        results[key] = stored(domain::compute_period_mark(list, scale,
                                                          session.settings().grading, min_marks));
    }
}

// The year marks from the final marks of each pupil's periods, in order.
void compute_year(Session& session, const PeriodChoice& period, const store::FinalsScope& scope,
                  FinalsInputs& inputs, PupilsInScope& pupils, Unmarked& unmarked,
                  Results& results) {
    store::Database& db = session.db();
    std::string from = domain::format_iso(period.year_dates.start);
    std::string to = domain::format_iso(period.year_dates.end);
    for (auto& p : marked_pupils(session, store::period_pupils(db, period.year_id, from, to, scope),
                                 unmarked)) {
        pupils.add(std::move(p));
    }
    std::map<PairKey, std::map<std::string, const store::FinalMarkRow*>> by_pair;
    auto rows = store::final_marks_of(db, period.year_id, "");
    std::map<std::string, bool> computed_periods;
    for (const auto& row : rows) {
        if (row.key.period == year_period || pupils.find(row.key.pupil_id) == nullptr) {
            continue;
        }
        computed_periods[row.key.period] = true;
        by_pair[{row.key.pupil_id, row.key.subject_id}][row.key.period] = &row;
    }
    // A year mark from some of the periods would look final and be wrong: every period that has
    // marks to compute for these pupils must have been computed first.
    std::vector<std::string> missing;
    std::map<const domain::AttestationPeriod*, bool> has_pairs;
    for (const auto& [id, p] : pupils.all()) {
        for (const auto* def : periods_of_grade(period.all_periods, p.grade)) {
            if (computed_periods.count(def->code) != 0 ||
                std::find(missing.begin(), missing.end(), def->code) != missing.end()) {
                continue;
            }
            if (has_pairs.count(def) == 0) {
                has_pairs[def] = false;
                for (const auto& pair : store::period_subject_pairs(
                         db, period.year_id, domain::format_iso(def->dates.start),
                         domain::format_iso(def->dates.end), scope)) {
                    const auto* owner = pupils.find(pair.first);
                    if (owner == nullptr) {
                        continue;
                    }
                    auto theirs = periods_of_grade(period.all_periods, owner->grade);
                    if (std::find(theirs.begin(), theirs.end(), def) != theirs.end()) {
                        has_pairs[def] = true;
                        break;
                    }
                }
            }
            if (has_pairs[def]) {
                missing.push_back(def->code);
            }
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (const auto& code : missing) {
            list += (list.empty() ? "" : ", ") + code;
        }
        throw Error(ExitCode::data, "the year mark is made of the period marks, and " + list +
                                        (missing.size() == 1 ? " has" : " have") +
                                        " not been computed: run `schoolctl finals compute "
                                        "--period " + missing.front() + "` first");
    }
    for (const auto& [key, of_period] : by_pair) {
        const domain::MarkScale& scale = inputs.scale_of_subject(key.second);
        if (!scale.takes_marks()) {
            continue;
        }
        const store::PeriodPupil& pupil = *pupils.find(key.first);
        std::vector<domain::Mark> marks;
        for (const auto* def : periods_of_grade(period.all_periods, pupil.grade)) {
            auto it = of_period.find(def->code);
            if (it != of_period.end() && !it->second->final_value.empty()) {
                marks.push_back(inputs.final_mark(*it->second, scale, pupil));
            }
        }
        if (marks.empty()) {
            continue;
        }
        results[key] = stored(domain::compute_year_mark(marks, scale, session.settings().grading));
    }
}

// The final marks from each pupil's year mark and, where there is one, exam mark.
void compute_final(Session& session, const PeriodChoice& period, const store::FinalsScope& scope,
                   FinalsInputs& inputs, PupilsInScope& pupils, Unmarked& unmarked,
                   Results& results) {
    store::Database& db = session.db();
    for (auto& p : marked_pupils(session,
                                 store::period_pupils(db, period.year_id,
                                                      domain::format_iso(period.dates.start),
                                                      domain::format_iso(period.dates.end), scope),
                                 unmarked)) {
        pupils.add(std::move(p));
    }
    std::map<PairKey, const store::FinalMarkRow*> years;
    std::map<PairKey, const store::FinalMarkRow*> exams;
    auto rows = store::final_marks_of(db, period.year_id, "");
    for (const auto& row : rows) {
        if (pupils.find(row.key.pupil_id) == nullptr || row.final_value.empty()) {
            continue;
        }
        PairKey key{row.key.pupil_id, row.key.subject_id};
        if (row.key.period == year_period) {
            years[key] = &row;
        } else if (row.key.period == exam_period) {
            exams[key] = &row;
        }
    }
    if (years.empty() && !pupils.all().empty()) {
        throw Error(ExitCode::data, "the final mark is made of the year mark and the exam mark, "
                                    "and no year mark has been computed: run `schoolctl finals "
                                    "compute --period year` first");
    }
    for (const auto& [key, year_row] : years) {
        const domain::MarkScale& scale = inputs.scale_of_subject(key.second);
        if (!scale.takes_marks()) {
            continue;
        }
        const store::PeriodPupil& pupil = *pupils.find(key.first);
        std::optional<domain::Mark> exam;
        if (auto it = exams.find(key); it != exams.end()) {
            exam = inputs.final_mark(*it->second, scale, pupil);
        }
        results[key] = stored(domain::compute_final_mark(
            inputs.final_mark(*year_row, scale, pupil), exam, scale));
    }
}

ClassFinals& class_of(std::vector<ClassFinals>& classes, const std::string& name) {
    for (auto& c : classes) {
        if (c.class_name == name) {
            return c;
        }
    }
    return classes.emplace_back(ClassFinals{name});
}

}  // namespace

std::size_t ComputeSummary::not_attested() const {
    std::size_t n = 0;
    for (const auto& c : classes) {
        n += c.not_attested;
    }
    return n;
}

ComputeSummary compute_finals(Session& session, const ComputeRequest& request) {
    ComputeSummary s;
    s.period = select_period(session, request.period, true);
    if (s.period.is_exam()) {
        throw Error(ExitCode::usage, "exam marks are not computed: enter each with `schoolctl "
                                     "finals set --period exam --pupil … --subject … --value …`");
    }
    s.year = s.period.year_name;
    s.dry_run = request.dry_run;
    store::FinalsScope scope;
    std::string class_name;
    if (request.klass) {
        ClassRef klass = select_class(session, *request.klass);
        session.require(domain::Permission::marks_write, class_target(session, klass),
                        "class " + klass.name);
        scope.class_id = klass.id;
        class_name = klass.name;
    } else {
        session.require(domain::Permission::marks_write);
    }
    store::Database& db = session.db();
    store::Transaction tx(db);
    if (!request.dry_run) {
        refuse_locked(session, s.period, "compute the marks of " + s.period.code);
    }
    FinalsInputs inputs(session);
    PupilsInScope pupils;
    Unmarked unmarked;
    Results results;
    if (s.period.is_year()) {
        compute_year(session, s.period, scope, inputs, pupils, unmarked, results);
    } else if (s.period.is_final()) {
        compute_final(session, s.period, scope, inputs, pupils, unmarked, results);
    } else {
        for (const auto& definition : s.period.definitions) {
            compute_definition(session, s.period, definition, scope, inputs, pupils, unmarked,
                               results);
        }
    }
    s.unmarked = unmarked.size();

    std::string now = utc_iso_now();
    std::map<PairKey, const store::FinalMarkRow*> existing;
    auto rows = store::final_marks_of(db, s.period.year_id, s.period.code);
    for (const auto& row : rows) {
        existing[{row.key.pupil_id, row.key.subject_id}] = &row;
    }
    for (const auto& [key, mark] : results) {
        auto it = existing.find(key);
        if (it != existing.end() && it->second->computed_at && it->second->computed == mark) {
            ++s.unchanged;
            continue;
        }
        ++(it == existing.end() ? s.created : s.updated);
        store::write_computed(db, {s.period.year_id, key.first, key.second, s.period.code}, mark,
                              now);
    }
    // Rows of pupils in scope that the period no longer has (a subject dropped from their
    // timetable, a subject whose scale takes no marks, a grade now taught without marks):
    // removed, unless a teacher set the mark.
    for (const auto& [key, row] : existing) {
        if (results.count(key) != 0 || (scope.class_id && pupils.find(key.first) == nullptr &&
                                        unmarked.count(key.first) == 0)) {
            continue;
        }
        if (row->override_value) {
            ++s.kept;
        } else {
            ++s.removed;
            store::delete_final_mark(db, row->key);
        }
    }

    for (const auto& [id, p] : pupils.all()) {
        class_of(s.classes, p.class_name).pupils++;
    }
    for (const auto& [key, mark] : results) {
        auto& c = class_of(s.classes, pupils.find(key.first)->class_name);
        auto it = existing.find(key);
        const bool overridden = it != existing.end() && it->second->override_value;
        const std::string& final_value = overridden ? *it->second->override_value : mark.computed;
        c.marks++;
        c.overridden += overridden ? 1U : 0U;
        c.not_attested += final_value == "н/а" ? 1U : 0U;
    }
    std::sort(s.classes.begin(), s.classes.end(), [&](const auto& a, const auto& b) {
        return pupils.class_order(a.class_name) < pupils.class_order(b.class_name);
    });

    if (request.dry_run) {
        return s;  // the transaction rolls back: a dry run did the same work and keeps none
    }
    nlohmann::json details{{"year", s.year},
                           {"period", s.period.code},
                           {"created", s.created},
                           {"updated", s.updated},
                           {"unchanged", s.unchanged},
                           {"removed", s.removed},
                           {"kept", s.kept},
                           {"not_attested", s.not_attested()},
                           {"unmarked", s.unmarked}};
    if (!class_name.empty()) {
        details["class"] = class_name;
    }
    session.audit("finals.compute", "period", s.period.code, details);
    tx.commit();
    return s;
}

}  // namespace schoolctl::app
