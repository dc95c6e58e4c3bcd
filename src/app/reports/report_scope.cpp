#include "app/reports/report_scope.h"

#include <algorithm>

#include "app/class_select.h"
#include "store/calendar.h"
#include "store/report_data.h"
#include "store/names.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::string range_text(const domain::DateRange& r) {
    return domain::format_ru(r.start) + "–" + domain::format_ru(r.end);
}

// The period that holds today, else the last one begun before it, else the first.
std::string current_period_code(Session& session) {
    PeriodChoice year = select_period(session, std::string(year_period));
    domain::Date today = today_moscow();
    const domain::AttestationPeriod* best = nullptr;
    for (const auto& p : year.all_periods) {
        if (p.dates.start <= today && (best == nullptr || best->dates.start <= p.dates.start)) {
            best = &p;
        }
    }
    if (best == nullptr && !year.all_periods.empty()) {
        best = &year.all_periods.front();
    }
    if (best == nullptr) {
        throw Error(ExitCode::config, "the academic year " + year.year_name +
                                          " has no attestation periods (set [[periods]] in "
                                          "schoolctl.toml and run schoolctl calendar import)");
    }
    return best->code;
}

}  // namespace

const JournalLessons& ReportScope::journal_lessons(store::Database& db) const {
    Caches& c = *caches_;
    std::call_once(c.lessons_read,
                   [&] { c.lessons = std::make_unique<const JournalLessons>(db, year_id, dates); });
    return *c.lessons;
}

const std::vector<store::RollRow>& ReportScope::rolls(store::Database& db) const {
    Caches& c = *caches_;
    std::call_once(c.rolls_read, [&] {
        c.rolls = store::class_rolls(db, year_id, domain::format_iso(dates.start),
                                     domain::format_iso(dates.end));
    });
    return c.rolls;
}

const AbsenceIndex& ReportScope::absences(store::Database& db) const {
    Caches& c = *caches_;
    std::call_once(c.absences_read, [&] {
        c.absences = std::make_unique<const AbsenceIndex>(store::absences_between(
            db, year_id, domain::format_iso(dates.start), domain::format_iso(dates.end)));
    });
    return *c.absences;
}

const std::vector<store::FinalValueRow>& ReportScope::final_values(store::Database& db) const {
    Caches& c = *caches_;
    std::call_once(c.finals_read, [&] { c.finals = store::final_values(db, year_id); });
    return c.finals;
}

domain::DateRange ReportScope::dates_for(int grade) const {
    if (period && !period->is_year()) {
        if (const auto* d = definition_for_grade(period->definitions, grade)) {
            return d->dates;
        }
    }
    return dates;
}

std::string ReportScope::dates_label(int grade) const {
    if (!period) {
        return range_text(dates);
    }
    if (period->is_year()) {
        return period->year_name + " (" + range_text(dates) + ")";
    }
    return period->name + " (" + range_text(dates_for(grade)) + ")";
}

ReportScope resolve_report_scope(Session& session, const ReportScopeRequest& r) {
    if (r.klass && r.parallel) {
        throw Error(ExitCode::usage, "--class and --parallel do not go together");
    }
    if (r.period && (r.from || r.to)) {
        throw Error(ExitCode::usage, "--period and --from/--to do not go together");
    }
    if (r.from.has_value() != r.to.has_value()) {
        throw Error(ExitCode::usage, "--from and --to go together");
    }
    if (r.from && *r.to < *r.from) {
        throw Error(ExitCode::usage, "--to " + domain::format_ru(*r.to) + " is before --from " +
                                         domain::format_ru(*r.from));
    }
    ReportScope scope;
    scope.words.lang = r.lang;
    scope.today = today_moscow();
    PeriodChoice chosen;
    if (r.from) {
        chosen = select_period(session, std::string(year_period));
        scope.dates = {*r.from, *r.to};
    } else {
        std::string code = r.period.value_or("current");
        if (code == "current") {
            code = current_period_code(session);
        }
        chosen = select_period(session, code);
        scope.dates = chosen.dates;
    }
    scope.year_id = chosen.year_id;
    scope.year_name = chosen.year_name;
    if (!r.from) {
        scope.period = std::move(chosen);
    }

    auto classes = store::list_classes(session.db(), scope.year_id);
    if (r.klass) {
        ClassRef one = select_class(session, *r.klass);
        session.require(domain::Permission::report_read, class_target(session, one),
                        "class " + one.name);
        std::erase_if(classes, [&](const auto& c) { return c.id != one.id; });
    } else {
        session.require(domain::Permission::report_read);
        if (r.parallel) {
            std::erase_if(classes, [&](const auto& c) { return c.grade != *r.parallel; });
            if (classes.empty()) {
                throw Error(ExitCode::data, "--parallel " + std::to_string(*r.parallel) +
                                                ": the year " + scope.year_name +
                                                " has no class of grade " +
                                                std::to_string(*r.parallel));
            }
        }
    }
    if (classes.empty()) {
        throw Error(ExitCode::data, "the year " + scope.year_name + " has no classes");
    }
    for (const auto& c : classes) {
        std::optional<domain::PersonName> teacher;
        if (c.class_teacher_id) {
            teacher = store::person_name(session.db(), *c.class_teacher_id);
        }
        scope.class_teachers.push_back(teacher ? domain::short_name(*teacher) : std::string());
    }
    scope.classes = std::move(classes);
    return scope;
}

}  // namespace schoolctl::app
