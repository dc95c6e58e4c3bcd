#include "app/import/timetable.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "app/import/class_or_group.h"
#include "app/import/class_resolver.h"
#include "app/import/group_resolver.h"
#include "app/import/staff_resolver.h"
#include "app/import/subject_resolver.h"
#include "app/room_select.h"
#include "app/import/timetable_clashes.h"
#include "app/school_calendar.h"
#include "app/timetable_targets.h"
#include "domain/bell_choice.h"
#include "domain/periodicity.h"
#include "domain/person_name.h"
#include "domain/weekday.h"
#include "store/timetable.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using domain::format_ru;

enum Field : std::size_t {
    class_,
    group,
    subject,
    teacher,
    room,
    weekday,
    lesson,
    periodicity,
    valid_from,
    valid_to
};

std::string range_text(const domain::DateRange& r) {
    return format_ru(r.start) + "–" + format_ru(r.end);
}

// "lessons 1–7"
std::string numbers_text(const domain::BellSchedule& s) {
    if (s.lessons.empty()) {
        return "no lessons";
    }
    return "lessons " + std::to_string(s.lessons.front().number) + "–" +
           std::to_string(s.lessons.back().number);
}

class TimetableImporter final : public RowImporter {
public:
    std::string kind() const override { return "timetable"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"class", {"Класс", "class_name"}, false},
            {"group", {"Группа", "Подгруппа", "group_name"}, false},
            {"subject", {"Предмет", "Код предмета", "subject_code"}, true},
            {"teacher", {"Учитель", "Преподаватель", "teacher_id"}, true},
            {"room", {"Кабинет", "Аудитория", "Помещение"}, false},
            {"weekday", {"День", "День недели", "day"}, true},
            {"lesson", {"Урок", "№ урока", "Номер урока", "lesson_no", "period"}, true},
            {"periodicity", {"Периодичность", "Недели", "repeat"}, false},
            {"valid_from", {"С", "Действует с", "Начало", "from"}, false},
            {"valid_to", {"По", "Действует по", "Окончание", "to"}, false},
        };
        return specs;
    }

    std::string toml_table() const override { return "lesson"; }
    domain::Permission permission() const override { return domain::Permission::timetable_write; }
    bool checks_before_writing() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!classes_) {
            load(run);
        }
        store::RuleRow rule;
        rule.year_id = run.year().id;
        if (auto problem = read_target(run, row, rule)) {
            return *problem;
        }
        const TargetInfo& target = targets_->of(rule);
        auto subj = subjects_->resolve(row[subject], "subject");
        if (auto* problem = std::get_if<RowProblem>(&subj)) {
            return *problem;
        }
        rule.subject_id = std::get<std::int64_t>(subj);
        auto who = resolve_staff(run, row[teacher], "teacher");
        if (auto* problem = std::get_if<RowProblem>(&who)) {
            return *problem;
        }
        rule.teacher_id = std::get<std::int64_t>(who);
        if (auto problem = read_room(run, row[room], rule)) {
            return *problem;
        }
        if (auto problem = read_slot(row, target, rule)) {
            return *problem;
        }
        auto dates = read_dates(row, target, rule);
        if (auto* problem = std::get_if<RowProblem>(&dates)) {
            return *problem;
        }
        if (auto problem = check_bells(target, rule)) {
            return *problem;
        }
        rule.source = run.source(row.line());
        return apply(run, row, rule);
    }

    std::vector<std::pair<std::size_t, RowProblem>> check_whole(ImportRun& run) override {
        if (!classes_) {
            return {};
        }
        return timetable_clashes(run, *targets_, calendar_->week_a);
    }

private:
    void load(ImportRun& run) {
        classes_.emplace(run);
        groups_.emplace(run);
        subjects_.emplace(run);
        targets_.emplace(run.db(), run.year().id);
        calendar_ = school_calendar(store::read_year_calendar(run.db(), run.year().id));
    }

    std::optional<RowProblem> read_target(ImportRun& run, const RowCells& row,
                                          store::RuleRow& rule) {
        auto target = read_class_or_group(run, *classes_, *groups_, row[class_], row[group]);
        if (auto* problem = std::get_if<RowProblem>(&target)) {
            return *problem;
        }
        rule.class_id = std::get<ClassOrGroup>(target).class_id;
        rule.group_id = std::get<ClassOrGroup>(target).group_id;
        return std::nullopt;
    }

    // A room of the school's list (school.rooms), spelled as the list spells it; any room when
    // the list is empty.
    std::optional<RowProblem> read_room(ImportRun& run, const std::string& text,
                                        store::RuleRow& rule) {
        rule.room = text;
        if (text.empty()) {
            return std::nullopt;
        }
        if (auto known = school_room(run.session.settings(), text)) {
            rule.room = *known;
            return std::nullopt;
        }
        return RowProblem{"room", "\"" + text + "\" is not a room of the school (school.rooms)" +
                                      did_you_mean(run.session.settings().rooms)};
    }

    // Weekday and lesson: a day the grade studies, a lesson its bells ring for.
    std::optional<RowProblem> read_slot(const RowCells& row, const TargetInfo& target,
                                        store::RuleRow& rule) {
        auto day = domain::parse_weekday(row[weekday]);
        if (!day) {
            return RowProblem{"weekday", "\"" + row[weekday] +
                                             "\" is not a weekday (1 = Monday … 7 = Sunday, or "
                                             "a name such as Пн or понедельник)"};
        }
        rule.weekday = *day;
        int days = domain::week_length(calendar_->study, target.grade);
        if (*day > days) {
            return RowProblem{"weekday", target.name + " studies " + std::to_string(days) +
                                             " days a week: no lessons on " +
                                             domain::weekday_name(*day)};
        }
        const std::string& n = row[lesson];
        bool digits = !n.empty() && n.size() <= 2 &&
                      n.find_first_not_of("0123456789") == std::string::npos;
        if (!digits || std::stoi(n) > 15) {
            return RowProblem{"lesson", "\"" + n + "\" is not a lesson number (0-15)"};
        }
        rule.lesson_no = std::stoi(n);
        return std::nullopt;
    }

    // The lesson number rings in the class's bell schedule on the rule's weekday, on the first
    // and the last day of the rule (a schedule may change in January).
    std::optional<RowProblem> check_bells(const TargetInfo& target, const store::RuleRow& rule) {
        const auto& bells = calendar_->year.bells;
        if (bells.empty()) {
            return std::nullopt;  // no bells configured: nothing to check against
        }
        for (const auto& iso : {rule.valid_from, rule.valid_to}) {
            const auto* schedule = domain::bell_schedule_for(
                bells, target.bell_class, target.grade, rule.weekday, domain::parse_date(iso));
            if (schedule == nullptr) {
                return RowProblem{"lesson", "no bell schedule applies to " + target.name +
                                                " on " + domain::weekday_name(rule.weekday) +
                                                " (see [[bells]])"};
            }
            bool rings = std::any_of(schedule->lessons.begin(), schedule->lessons.end(),
                                     [&](const auto& bell) { return bell.number == rule.lesson_no; });
            if (!rings) {
                return RowProblem{"lesson", "lesson " + std::to_string(rule.lesson_no) +
                                                " is not in the bell schedule «" + schedule->name +
                                                "» of " + target.name + " on " +
                                                domain::weekday_name(rule.weekday) + " (" +
                                                numbers_text(*schedule) + ")"};
            }
        }
        return std::nullopt;
    }

    std::variant<std::monostate, RowProblem> read_dates(const RowCells& row,
                                                        const TargetInfo& target,
                                                        store::RuleRow& rule) {
        const domain::DateRange year = calendar_->year.dates;
        auto p = domain::parse_periodicity(row[periodicity].empty() ? "weekly" : row[periodicity]);
        if (auto* why = std::get_if<std::string>(&p)) {
            return RowProblem{"periodicity", "\"" + row[periodicity] + "\": " + *why};
        }
        domain::RuleDates dates;
        dates.weekday = rule.weekday;
        dates.periodicity = std::get<domain::Periodicity>(p);
        dates.week_anchor = calendar_->week_a;
        dates.valid_from = year.start;
        dates.valid_to = year.end;
        for (auto [field, into] : {std::pair{valid_from, &dates.valid_from},
                                   std::pair{valid_to, &dates.valid_to}}) {
            const std::string& text = row[field];
            if (text.empty()) {
                continue;
            }
            auto d = domain::parse_date(text);
            const char* name = field == valid_from ? "valid_from" : "valid_to";
            if (!d) {
                return RowProblem{name, "\"" + text +
                                            "\" is not a date (expected DD.MM.YYYY or "
                                            "YYYY-MM-DD)"};
            }
            if (*d < year.start || year.end < *d) {
                return RowProblem{name, format_ru(*d) + " is outside the academic year " +
                                            calendar_->year.name + " (" + range_text(year) + ")"};
            }
            *into = *d;
        }
        if (auto why = domain::rule_dates_problem(dates)) {
            return RowProblem{dates.valid_to < dates.valid_from ? "valid_to" : "periodicity",
                              *why};
        }
        if (dates.periodicity.repeat == domain::Repeat::once) {
            auto verdict = domain::study_day(calendar_->study, *dates.periodicity.on, target.grade);
            if (!verdict.study()) {
                return RowProblem{"periodicity", format_ru(*dates.periodicity.on) + " is not a "
                                                 "study day for " + target.name + ": " +
                                                 verdict.reason};
            }
            if (verdict.timetable_weekday != rule.weekday) {
                return RowProblem{"periodicity",
                                  format_ru(*dates.periodicity.on) + " follows the timetable of " +
                                      domain::weekday_name(verdict.timetable_weekday) +
                                      ", not of " + domain::weekday_name(rule.weekday)};
            }
        }
        rule.periodicity = domain::format_periodicity(dates.periodicity);
        rule.valid_from = domain::format_iso(dates.valid_from);
        rule.valid_to = domain::format_iso(dates.valid_to);
        return std::monostate{};
    }

    RowResult apply(ImportRun& run, const RowCells& row, store::RuleRow& rule) {
        auto existing = store::find_rule(run.db(), rule);
        if (existing) {
            if (auto earlier = run.claim(existing->id, row.line())) {
                return RowProblem{"lesson", "the same rule as line " + std::to_string(*earlier) +
                                                " (class or group, weekday, lesson, subject, "
                                                "periodicity and start)"};
            }
            if (existing->teacher_id == rule.teacher_id && existing->room == rule.room &&
                existing->valid_to == rule.valid_to) {
                return RowAction::unchanged;
            }
            rule.id = existing->id;
            store::update_rule(run.db(), rule, run.now);
            run.session.audit("timetable.rule.update", "timetable_rule", std::to_string(rule.id),
                              {{"old", describe(*existing)},
                               {"new", describe(rule)},
                               {"source", rule.source}});
            return RowAction::updated;
        }
        rule.id = store::insert_rule(run.db(), rule, run.now);
        run.claim(rule.id, row.line());
        run.session.audit("timetable.rule.create", "timetable_rule", std::to_string(rule.id),
                          {{"new", describe(rule)}, {"source", rule.source}});
        return RowAction::created;
    }

    nlohmann::json describe(const store::RuleRow& r) const {
        return {{"for", targets_->of(r).name},
                {"subject_id", r.subject_id},
                {"teacher_id", r.teacher_id},
                {"room", r.room},
                {"weekday", r.weekday},
                {"lesson", r.lesson_no},
                {"periodicity", r.periodicity},
                {"valid_from", r.valid_from},
                {"valid_to", r.valid_to}};
    }

    std::optional<ClassResolver> classes_;
    std::optional<GroupResolver> groups_;
    std::optional<SubjectResolver> subjects_;
    std::optional<TimetableTargets> targets_;
    std::optional<SchoolCalendar> calendar_;
};

}  // namespace

std::unique_ptr<RowImporter> make_timetable_importer() {
    return std::make_unique<TimetableImporter>();
}

}  // namespace schoolctl::app
