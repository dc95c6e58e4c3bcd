#include "app/journal/journal_page.h"

#include <algorithm>

#include "app/class_select.h"
#include "app/import/pipeline.h"
#include "domain/person_name.h"
#include "store/groups.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::format_ru;

// Whose lessons the query means: a class with its subgroups, or one group.
struct Whose {
    std::optional<std::int64_t> class_id;
    std::optional<std::int64_t> group_id;
    std::string name;

    bool has(const store::LessonView& l) const {
        return group_id ? l.group_id == group_id : l.class_family() == *class_id;
    }
};

Whose whose(JournalContext& journal, const PageQuery& q) {
    if (q.class_name.has_value() == q.group.has_value()) {
        throw Error(ExitCode::usage, "give --class or --group (one of them)");
    }
    if (q.class_name) {
        ClassRef c = select_class(journal.session(), *q.class_name);
        return {c.id, std::nullopt, c.name};
    }
    const std::string key = domain::match_key(*q.group);
    std::vector<std::string> names;
    for (const auto& g : store::list_groups(journal.session().db(), journal.year_id())) {
        if (domain::match_key(g.name) == key) {
            return {std::nullopt, g.id, g.name};
        }
        names.push_back(g.name);
    }
    throw Error(ExitCode::data, "--group \"" + *q.group + "\" is not a group of " +
                                    journal.calendar().year.name + did_you_mean(names));
}

// The dates nearest to `day` before and after it on which `of` holds: «17.11.2026, 19.11.2026».
template <typename Pred>
std::string nearest_dates(JournalContext& journal, const domain::Date& day, Pred of) {
    const auto& year = journal.calendar().year;
    std::optional<std::string> before, after;
    const std::string iso = domain::format_iso(day);
    for (const auto& l : store::lessons_between(journal.session().db(), year.year_id,
                                                domain::format_iso(year.dates.start),
                                                domain::format_iso(year.dates.end))) {
        if (!of(l)) {
            continue;
        }
        if (l.date < iso) {
            before = l.date;
        } else if (l.date > iso && !after) {
            after = l.date;
        }
    }
    std::string out;
    for (const auto& d : {before, after}) {
        if (d) {
            out += (out.empty() ? "" : ", ") + format_ru(*domain::parse_date(*d));
        }
    }
    return out;
}

}  // namespace

std::vector<store::LessonView> page_lessons(JournalContext& journal, const PageQuery& q) {
    Whose w = whose(journal, q);
    const store::SubjectRow& subject = journal.subject(q.subject, "--subject");
    journal.require_in_year(q.date, "--date");
    const std::string iso = domain::format_iso(q.date);
    std::vector<store::LessonView> found;
    std::vector<int> numbers;  // of the subject that day, when --lesson names another
    bool cancelled = false;
    for (auto& l : store::lessons_between(journal.session().db(), journal.year_id(), iso, iso)) {
        if (!w.has(l) || l.subject_id != subject.id) {
            continue;
        }
        if (q.lesson_no && l.lesson_no != *q.lesson_no) {
            numbers.push_back(l.lesson_no);
            continue;
        }
        if (l.status == "cancelled") {
            cancelled = true;
            continue;
        }
        found.push_back(std::move(l));
    }
    if (!found.empty()) {
        return found;
    }
    std::string what = w.name + " has no " + subject.code +
                       (q.lesson_no ? " at lesson " + std::to_string(*q.lesson_no) : "") +
                       " on " + format_ru(q.date);
    if (cancelled) {
        throw Error(ExitCode::data, what + ": the lesson is cancelled (see `schoolctl schedule "
                                           "restore`)");
    }
    if (!numbers.empty()) {
        std::string list;
        for (int n : numbers) {
            list += (list.empty() ? "" : ", ") + std::to_string(n);
        }
        throw Error(ExitCode::data, what + " (" + subject.code + " that day: lesson " + list +
                                        "; see --lesson)");
    }
    std::string nearest = nearest_dates(journal, q.date, [&](const store::LessonView& l) {
        return w.has(l) && l.subject_id == subject.id && l.status != "cancelled";
    });
    throw Error(ExitCode::data, what + (nearest.empty() ? " (no " + subject.code +
                                                              " lessons in the year: run "
                                                              "`schoolctl schedule generate`?)"
                                                        : " (nearest: " + nearest + ")"));
}

store::LessonView page_lesson(JournalContext& journal, const PageQuery& q) {
    std::vector<store::LessonView> found = page_lessons(journal, q);
    if (found.size() == 1) {
        return found.front();
    }
    std::string those;
    bool same_number = true;
    for (const auto& l : found) {
        those += (those.empty() ? "" : "; ") + journal.describe(l).label;
        same_number = same_number && l.lesson_no == found.front().lesson_no;
    }
    throw Error(ExitCode::data, std::to_string(found.size()) + " lessons match: " + those +
                                    (same_number ? "; say which with --group"
                                                 : "; say which with --lesson"));
}

}  // namespace schoolctl::app
