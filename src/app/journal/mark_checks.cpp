#include "app/journal/mark_checks.h"

#include <chrono>
#include <vector>

#include "app/journal/finals_period.h"
#include "store/groups.h"
#include "store/period_locks.h"
#include "store/pupils.h"
#include "store/subjects.h"
#include "util/clock.h"

namespace schoolctl::app {

std::string ru_date(const std::string& iso) {
    if (iso.size() != 10) {
        return iso;
    }
    return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

MarkChecks::MarkChecks(Session& session, std::int64_t year_id)
    : session_(session), year_(store::read_year_calendar(session.db(), year_id)) {
    domain::Date today = today_moscow();
    today_ = domain::format_iso(today);
    auto earliest = std::chrono::sys_days(today) - std::chrono::days(session.settings().edit_days);
    earliest_editable_ = domain::format_iso(domain::Date(earliest));
    school_wide_ = session.allowed(domain::Permission::marks_write);
    const domain::Settings& settings = session.settings();
    for (const auto& s : store::list_subjects(session.db(), session.school_id())) {
        subjects_.emplace(s.id, MarkSubject{s.code, s.name, domain::scale_of(settings, s.scale),
                                            s.scale, domain::lesson_mark_rules(settings, s.code)});
    }
    for (const auto& g : store::list_groups(session.db(), year_id)) {
        group_names_.emplace(g.id, g.name);
        if (g.class_id) {
            group_classes_.emplace(g.id, *g.class_id);
        }
    }
    for (const auto& c : store::list_classes(session.db(), year_id)) {
        class_names_.emplace(c.id, c.name());
        class_grades_.emplace(c.id, c.grade);
    }
    for (const auto& lock : store::period_locks(session.db(), year_id)) {
        locked_.insert(lock.period);
    }
}

std::optional<MarkRefusal> MarkChecks::outside_year(const domain::Date& date) const {
    if (date < year_.dates.start || year_.dates.end < date) {
        return MarkRefusal{"date", domain::format_ru(date) + " is outside the academic year " +
                                       year_.name + " (" + domain::format_ru(year_.dates.start) +
                                       "–" + domain::format_ru(year_.dates.end) + ")"};
    }
    return std::nullopt;
}

const MarkSubject* MarkChecks::subject(std::int64_t subject_id) const {
    auto it = subjects_.find(subject_id);
    return it != subjects_.end() ? &it->second : nullptr;
}

domain::Target MarkChecks::target(const MarkPlace& p) const {
    domain::Target t = session_.school_target();
    t.class_id = p.class_id;
    if (p.group_id) {
        t.group_ids.push_back(*p.group_id);
        if (auto it = group_classes_.find(*p.group_id); it != group_classes_.end()) {
            t.class_id = it->second;
        }
    }
    t.subject_id = p.subject_id;
    t.pupil_id = p.pupil_id;
    return t;
}

std::string MarkChecks::place_name(const MarkPlace& p) const {
    if (p.group_id) {
        auto it = group_names_.find(*p.group_id);
        return it != group_names_.end() ? it->second : "?";
    }
    auto it = class_names_.find(p.class_id.value_or(0));
    return it != class_names_.end() ? it->second : "?";
}

std::string MarkChecks::describe(const MarkPlace& p) const {
    const MarkSubject* s = subject(p.subject_id);
    return place_name(p) + ", " + (s ? s->code : "?") + ", урок " + std::to_string(p.lesson_no) +
           ", " + ru_date(p.date);
}

std::optional<std::string> MarkChecks::locked_period(const MarkPlace& p) const {
    if (locked_.empty()) {
        return std::nullopt;
    }
    int grade = 0;
    if (p.pupil_class_id) {
        if (auto it = class_grades_.find(*p.pupil_class_id); it != class_grades_.end()) {
            grade = it->second;
        }
    }
    auto date = domain::parse_date(p.date);
    for (const auto& code : locked_) {
        std::vector<domain::AttestationPeriod> definitions;
        for (const auto& period : year_.periods) {
            if (period.code == code) {
                definitions.push_back(period);
            }
        }
        const auto* d = definition_for_grade(definitions, grade);
        if (d && date && !(*date < d->dates.start) && !(d->dates.end < *date)) {
            return code + " (" + d->name + ", " + domain::format_ru(d->dates.start) + "–" +
                   domain::format_ru(d->dates.end) + ")";
        }
    }
    return std::nullopt;
}

std::optional<MarkRefusal> MarkChecks::may_write(const MarkPlace& p) const {
    const MarkSubject* s = subject(p.subject_id);
    if (!session_.allowed(domain::Permission::marks_write, target(p))) {
        return MarkRefusal{"subject",
                           "permission denied: account \"" + session_.actor().login +
                               "\" lacks \"marks.write\" for " + (s ? s->name : "?") + " in " +
                               place_name(p),
                           ExitCode::no_permission};
    }
    if (p.date > today_) {
        return MarkRefusal{"date", "the lesson of " + ru_date(p.date) +
                                       " has not taken place yet: marks are given for lessons "
                                       "that have"};
    }
    if (p.date < earliest_editable_ && !school_wide_) {
        return MarkRefusal{"date",
                           "the lesson of " + ru_date(p.date) + " was more than " +
                               std::to_string(session_.settings().edit_days) +
                               " days ago (marks.edit_days): its marks are changed by a deputy "
                               "head now",
                           ExitCode::no_permission};
    }
    if (auto period = locked_period(p)) {
        return MarkRefusal{"date", "the lesson of " + ru_date(p.date) + " is in the period " +
                                       *period + ", which is locked for marks"};
    }
    if (s && s->scale && !s->scale->takes_marks()) {
        return MarkRefusal{"subject", s->name + " takes no marks (scale " + s->scale_code + ")"};
    }
    return std::nullopt;
}

std::optional<MarkRefusal> MarkChecks::unmarked(const MarkPlace& p) const {
    // The lesson's class, a subgroup's class, else (a group across classes) the pupil's.
    std::optional<std::int64_t> class_id = p.class_id;
    if (!class_id && p.group_id) {
        if (auto it = group_classes_.find(*p.group_id); it != group_classes_.end()) {
            class_id = it->second;
        }
    }
    if (!class_id) {
        class_id = p.pupil_class_id;
    }
    auto grade = class_grades_.find(class_id.value_or(0));
    if (grade == class_grades_.end() ||
        !domain::taught_without_marks(session_.settings(), grade->second)) {
        return std::nullopt;
    }
    return MarkRefusal{"value", place_name(p) + " is taught without marks (grade " +
                                    std::to_string(grade->second) +
                                    ", marks.unmarked_grades): its lessons take no marks"};
}

std::variant<domain::Mark, MarkRefusal> MarkChecks::read_value(std::int64_t subject_id,
                                                               std::string_view text) const {
    const MarkSubject* s = subject(subject_id);
    if (s == nullptr) {
        return MarkRefusal{"subject", "unknown subject " + std::to_string(subject_id)};
    }
    if (!s->scale) {
        std::string known;
        for (const auto& code : domain::scale_codes(session_.settings())) {
            known += (known.empty() ? "" : ", ") + code;
        }
        return MarkRefusal{"subject",
                           s->name + " has the scale \"" + s->scale_code +
                               "\", which the configuration does not define (scales: " + known +
                               ")",
                           ExitCode::config};
    }
    if (!s->scale->takes_marks()) {
        return MarkRefusal{"subject", s->name + " takes no marks (scale " + s->scale_code + ")"};
    }
    auto parsed = domain::parse_mark(text, *s->scale, s->rules);
    if (auto* reason = std::get_if<std::string>(&parsed)) {
        return MarkRefusal{"value", *reason};
    }
    return std::get<domain::Mark>(parsed);
}

std::variant<const domain::WorkType*, MarkRefusal> MarkChecks::read_work_type(
    std::string_view text) const {
    const domain::Settings& settings = session_.settings();
    if (text.empty()) {
        if (const auto* type = domain::find_work_type(settings, settings.default_work_type)) {
            return type;
        }
        return MarkRefusal{"work_type",
                           "the default work type \"" + settings.default_work_type +
                               "\" (marks.default_work_type) is not one of the school's: " +
                               domain::work_types_text(settings),
                           ExitCode::config};
    }
    if (const auto* type = domain::find_work_type(settings, text)) {
        return type;
    }
    return MarkRefusal{"work_type", "\"" + std::string(text) +
                                        "\" is not a work type of the school (work types: " +
                                        domain::work_types_text(settings) + ")"};
}

const domain::WorkType* MarkChecks::work_type_by_code(const std::string& code) const {
    for (const auto& type : session_.settings().work_types) {
        if (type.code == code) {
            return &type;
        }
    }
    return nullptr;
}

}  // namespace schoolctl::app
