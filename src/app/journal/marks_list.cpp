#include "app/journal/marks_list.h"

#include <algorithm>

#include "app/class_select.h"
#include "app/journal/finals_period.h"
#include "app/journal/mark_checks.h"
#include "app/journal/pupil_select.h"
#include "domain/collation.h"
#include "report/listing.h"
#include "store/access_scope.h"
#include "store/mark_listing.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Permission;

struct Scope {
    domain::Target target;  // the pupil or the class, with the subject when one was asked
    std::string what;       // «Абрамова Дарья Евгеньевна», «класс 5А»
    int grade = 0;          // decides which definition of a period applies
};

int grade_of(Session& session, std::int64_t year_id, std::optional<std::int64_t> class_id) {
    if (!class_id) {
        return 0;
    }
    for (const auto& c : store::list_classes(session.db(), year_id)) {
        if (c.id == *class_id) {
            return c.grade;
        }
    }
    return 0;
}

// Whether a grant of the actor could let them read some subject's marks here: a teacher asked
// for a whole class or pupil sees the subjects they teach, and is refused only if none.
bool reads_some_subject(const Session& session, domain::Target target) {
    for (const auto& grant : session.actor().grants) {
        if (grant.subject_id) {
            target.subject_id = grant.subject_id;
            if (session.allowed(Permission::marks_read, target)) {
                return true;
            }
        }
    }
    return false;
}

}  // namespace

report::Document list_marks(Session& session, const MarkListRequest& r) {
    std::string today = today_iso();
    auto year = store::current_year(session.db(), session.school_id(),
                                    r.from ? domain::format_iso(*r.from) : today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year");
    }
    MarkChecks checks(session, year->id);

    store::MarkFilter filter;
    filter.year_id = year->id;
    Scope scope;
    if (r.pupil) {
        PupilRef pupil = select_pupil(session, *r.pupil);
        filter.pupil_id = pupil.person_id;
        scope.target = store::pupil_target(session.db(), pupil.person_id, today);
        scope.what = pupil.name;
        scope.grade = grade_of(session, year->id, scope.target.class_id);
    } else if (r.class_name) {
        ClassRef klass = select_class(session, *r.class_name);
        filter.class_id = klass.id;
        scope.target = class_target(session, klass);
        scope.what = "класс " + klass.name;
        scope.grade = grade_of(session, year->id, klass.id);
    } else {
        throw Error(ExitCode::usage, "give --pupil or --class");
    }
    std::string subject_name;
    if (r.subject) {
        SubjectChoice subject = select_subject(session, *r.subject);
        filter.subject_id = subject.id;
        scope.target.subject_id = subject.id;
        subject_name = subject.name;
    }
    bool all_of_it = session.allowed(Permission::marks_read, scope.target);
    if (!all_of_it && (r.subject || !reads_some_subject(session, scope.target))) {
        session.require(Permission::marks_read, scope.target,
                        scope.what + (subject_name.empty() ? "" : ", " + subject_name));
    }

    domain::DateRange range = checks.year().dates;
    std::string range_name;
    if (r.period) {
        PeriodChoice period = select_period(session, *r.period);
        const auto* d = definition_for_grade(period.definitions, scope.grade);
        range = d ? d->dates : period.dates;
        range_name = period.code + ": ";
    } else {
        range.start = r.from.value_or(range.start);
        range.end = r.to.value_or(range.end);
        if (range.end < range.start) {
            throw Error(ExitCode::usage, "--to " + domain::format_ru(range.end) +
                                             " is before --from " +
                                             domain::format_ru(range.start));
        }
    }
    filter.from = domain::format_iso(range.start);
    filter.to = domain::format_iso(range.end);

    auto marks = store::list_marks(session.db(), filter);
    // Within a lesson, pupils in the alphabet's order (ICU: ё with е).
    std::stable_sort(marks.begin(), marks.end(), [&](const auto& a, const auto& b) {
        if (a.date != b.date) {
            return a.date < b.date;
        }
        if (a.lesson_no != b.lesson_no) {
            return a.lesson_no < b.lesson_no;
        }
        int by_name = domain::compare_names(a.pupil, b.pupil);
        if (by_name != 0) {
            return by_name < 0;
        }
        return a.mark.id < b.mark.id;
    });

    report::Document doc = report::listing(
        "marks",
        "Отметки: " + scope.what + (subject_name.empty() ? "" : ", " + subject_name) + ", " +
            range_name + domain::format_ru(range.start) + "–" + domain::format_ru(range.end),
        {{"id", 8, report::Align::right},
         {"date", 11},
         {"lesson", 6, report::Align::right},
         {"pupil", 28},
         {"subject", 20},
         {"value", 6},
         {"work type", 12},
         {"weight", 6, report::Align::right},
         {"comment", 24}});
    doc.school = session.school_name();
    for (const auto& m : marks) {
        if (!all_of_it) {
            MarkPlace place{m.mark.lesson_id, m.date,     m.lesson_no,    m.subject_id,
                            m.class_id,       m.group_id, m.mark.pupil_id, std::nullopt};
            if (!session.allowed(Permission::marks_read, checks.target(place))) {
                continue;
            }
        }
        auto& row = report::listing_rows(doc).emplace_back();
        row = {m.mark.id,     *domain::parse_date(m.date), std::int64_t{m.lesson_no},
               domain::full_name(m.pupil), m.subject_name, m.mark.value,
               m.mark.work_type, std::monostate{}, m.mark.comment};
        // A work type the configuration no longer has: its weight is not known.
        if (const domain::WorkType* type = checks.work_type_by_code(m.mark.work_type)) {
            row[7] = std::int64_t{type->weight};
        }
    }
    return doc;
}

}  // namespace schoolctl::app
