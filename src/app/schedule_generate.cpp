#include "app/schedule_generate.h"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_set>

#include "app/school_calendar.h"
#include "app/timetable_targets.h"
#include "domain/lesson_dates.h"
#include "domain/periodicity.h"
#include "store/connection.h"
#include "store/subjects.h"
#include "store/timetable.h"
#include "util/clock.h"
#include "util/crypto.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;

struct Wanted {
    std::int64_t rule_id;
    std::string date;  // ISO: orders like the date
    const store::RuleRow* rule;

    bool operator<(const Wanted& o) const {
        return rule_id != o.rule_id ? rule_id < o.rule_id : date < o.date;
    }
};

std::vector<Wanted> wanted_lessons(const SchoolCalendar& calendar, const TimetableTargets& targets,
                                   const std::vector<store::RuleRow>& rules, Date from, Date to) {
    std::map<int, domain::StudyDays> by_grade;
    std::vector<Wanted> out;
    for (const auto& rule : rules) {
        int grade = targets.of(rule).grade;
        auto it = by_grade.find(grade);
        if (it == by_grade.end()) {
            it = by_grade.emplace(grade, domain::StudyDays(calendar.study, grade, from, to)).first;
        }
        for (const Date& d :
             domain::lesson_dates(rule_dates(rule, calendar.week_a), it->second)) {
            out.push_back({rule.id, domain::format_iso(d), &rule});
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Everything the lessons of the window depend on — the rules with the grades of whom they are
// for, the calendar, and what the lessons are now (how many, the newest, the changes by hand) —
// as one digest. The same digest as the last run's means there is nothing to do.
std::string inputs_digest(const SchoolCalendar& calendar, const TimetableTargets& targets,
                          const std::vector<store::RuleRow>& rules, const store::LessonTally& now,
                          const std::string& from, const std::string& to) {
    std::string text = from + '|' + to + '|' + domain::format_iso(calendar.week_a) + '|';
    const auto& y = calendar.year;
    text += domain::format_iso(y.dates.start) + domain::format_iso(y.dates.end) +
            std::to_string(y.days_per_week) + '|';
    for (int g : y.five_day_grades) {
        text += std::to_string(g) + ',';
    }
    text += '|';
    for (int g : y.six_day_grades) {
        text += std::to_string(g) + ',';
    }
    for (const auto& h : y.holidays) {
        text += "\nh" + domain::format_iso(h.dates.start) + domain::format_iso(h.dates.end);
        for (int g : h.grades) {
            text += ',' + std::to_string(g);
        }
    }
    for (const auto& p : y.production) {
        text += "\np" + domain::format_iso(p.date) + std::to_string(static_cast<int>(p.kind)) +
                std::to_string(p.works_as.value_or(0));
    }
    for (const auto& r : rules) {
        text += "\nr" + std::to_string(r.id) + '|' + std::to_string(targets.of(r).grade) + '|' +
                std::to_string(r.teacher_id) + '|' + r.room + '|' + std::to_string(r.weekday) +
                '|' + std::to_string(r.lesson_no) + '|' + r.periodicity + '|' + r.valid_from +
                '|' + r.valid_to;
    }
    text += "\nl" + std::to_string(now.lessons) + '|' + std::to_string(now.max_id) + '|' +
            std::to_string(now.changes);
    return crypto::sha256_hex(text);
}

std::string describe(const TimetableTargets& targets, const std::map<std::int64_t, std::string>& codes,
                     const store::RuleRow& rule, const store::LessonRow& lesson) {
    auto code = codes.find(rule.subject_id);
    return targets.of(rule).name + ", " + (code == codes.end() ? "?" : code->second) +
           ", урок " + std::to_string(lesson.lesson_no) + ", " +
           domain::format_ru(*domain::parse_date(lesson.date));
}

}  // namespace

GenerateSummary generate_schedule(Session& session, const GenerateRequest& request) {
    session.require(domain::Permission::timetable_write);
    Date today = today_moscow();
    SchoolCalendar calendar = load_school_calendar(session, request.from.value_or(today));
    const domain::DateRange year = calendar.year.dates;
    GenerateSummary s;
    s.year = calendar.year.name;
    s.dry_run = request.dry_run;
    s.from = std::max(request.from.value_or(year.start), year.start);
    s.to = std::min(request.to.value_or(year.end), year.end);
    if (s.to < s.from) {
        throw Error(ExitCode::usage, "--from " + domain::format_ru(s.from) + " is after --to " +
                                         domain::format_ru(s.to) + " within the academic year " +
                                         s.year + " (" + domain::format_ru(year.start) + "–" +
                                         domain::format_ru(year.end) + ")");
    }
    const std::string from = domain::format_iso(s.from), to = domain::format_iso(s.to);

    store::Database& db = session.db();
    store::enlarge_cache_for_bulk_load(db);
    store::Transaction tx(db);
    std::int64_t year_id = calendar.year.year_id;
    TimetableTargets targets(db, year_id);
    std::vector<store::RuleRow> rules = store::list_rules(db, year_id);
    s.rules = rules.size();
    std::map<std::int64_t, const store::RuleRow*> rule_by_id;
    for (const auto& r : rules) {
        rule_by_id[r.id] = &r;
    }
    std::map<std::int64_t, std::string> codes;
    for (const auto& subject : store::list_subjects(db, session.school_id())) {
        codes[subject.id] = subject.code;
    }
    const store::LessonTally before = store::tally_lessons(db, year_id, from, to);
    if (store::schedule_digest(db, year_id, from, to) ==
        inputs_digest(calendar, targets, rules, before, from, to)) {
        s.unchanged = static_cast<std::size_t>(before.lessons);
        return s;  // nothing changed since the last run left the lessons as they are
    }
    std::vector<Wanted> wanted = wanted_lessons(calendar, targets, rules, s.from, s.to);
    std::vector<store::LessonRow> existing = store::lessons_by_rule_date(db, year_id, from, to);
    std::vector<std::int64_t> used = store::lessons_in_use(db, year_id, from, to);
    std::unordered_set<std::int64_t> in_use(used.begin(), used.end());

    auto create = [&](const Wanted& w) {
        store::LessonRow l;
        l.rule_id = w.rule_id;
        l.rule_date = l.date = w.date;
        l.lesson_no = w.rule->lesson_no;
        l.teacher_id = w.rule->teacher_id;
        l.room = w.rule->room;
        store::insert_lesson(db, l);
        ++s.created;
    };
    auto drop = [&](const store::LessonRow& l) {
        if (in_use.contains(l.id)) {
            const store::RuleRow& rule = *rule_by_id.at(l.rule_id);
            s.conflicts.push_back({describe(targets, codes, rule, l), rule.source,
                                   "no longer in the timetable, but changed by hand "
                                   "(substituted, moved or cancelled); kept"});
            return;
        }
        store::delete_lesson(db, l.id);
        ++s.deleted;
    };
    auto follow = [&](store::LessonRow& l, const store::RuleRow& rule) {
        bool moved = l.date != l.rule_date;
        if (moved || in_use.contains(l.id) ||
            (l.lesson_no == rule.lesson_no && l.teacher_id == rule.teacher_id &&
             l.room == rule.room)) {
            ++s.unchanged;
            return;
        }
        l.lesson_no = rule.lesson_no;
        l.teacher_id = rule.teacher_id;
        l.room = rule.room;
        store::update_lesson_plan(db, l);
        ++s.updated;
    };

    std::size_t i = 0, j = 0;
    while (i < wanted.size() || j < existing.size()) {
        if (j == existing.size() ||
            (i < wanted.size() && (wanted[i].rule_id < existing[j].rule_id ||
                                   (wanted[i].rule_id == existing[j].rule_id &&
                                    wanted[i].date < existing[j].rule_date)))) {
            create(wanted[i++]);
        } else if (i == wanted.size() || existing[j].rule_id < wanted[i].rule_id ||
                   existing[j].rule_date < wanted[i].date) {
            drop(existing[j++]);
        } else {
            follow(existing[j++], *wanted[i++].rule);
        }
    }

    bool wrote = s.created + s.updated + s.deleted > 0;
    if (wrote) {
        session.audit("schedule.generate", "academic_year", std::to_string(year_id),
                      {{"from", from},
                       {"to", to},
                       {"rules", s.rules},
                       {"created", s.created},
                       {"updated", s.updated},
                       {"deleted", s.deleted},
                       {"conflicts", s.conflicts.size()}});
    }
    if (request.dry_run) {
        return s;
    }
    // A run that kept lessons in conflict leaves no digest, so the next one reports them again.
    if (s.conflicts.empty()) {
        store::save_schedule_digest(
            db, year_id, from, to,
            inputs_digest(calendar, targets, rules, store::tally_lessons(db, year_id, from, to),
                          from, to),
            utc_iso_now());
    }
    tx.commit();
    return s;
}

}  // namespace schoolctl::app
