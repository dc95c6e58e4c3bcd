#include "app/reports/at_risk.h"

#include <algorithm>
#include <map>
#include <span>
#include <tuple>
#include <unordered_map>

#include "app/journal/finals_inputs.h"
#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/grading.h"
#include "domain/period_mark.h"
#include "formats/cell_text.h"
#include "store/final_marks.h"
#include "store/report_data.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Date;
using std::chrono::days;
using std::chrono::sys_days;

Date plus_days(const Date& d, int n) { return Date(sys_days(d) + days(n)); }
int days_between(const Date& a, const Date& b) {
    return static_cast<int>((sys_days(b) - sys_days(a)).count());
}

// «12,34» from hundredths, as the Russian forms print decimals.
std::string decimal_text(std::int64_t hundredths) {
    return formats::decimal_text(report::Decimal{hundredths, 2}, ',');
}

struct Finding {
    std::size_t pupil = 0;  // index in the roll: rows go in alphabetical order
    int kind = 0;           // marks first, then attendance
    std::string subject;
    std::string risk;
    std::string reason;
};

class ClassFindings {
public:
    ClassFindings(const Words& w, std::vector<Finding>& out) : w_(w), out_(out) {}

    void marks(std::size_t pupil, const std::string& subject, const domain::PeriodMark& pm,
               const domain::MarkScale& scale, int min_marks, int remaining, int days_left,
               const Date& end, int warn_days) {
        if (pm.count < min_marks) {
            if (days_left > warn_days && remaining >= min_marks - pm.count) {
                return;
            }
            out_.push_back({pupil, 0, subject, w_("н/а", "н/а"),
                            std::to_string(pm.count) + w_(" отм. из ", " marks of the ") +
                                std::to_string(min_marks) + w_(" нужных; до конца периода (",
                                                               " needed; lessons left until ") +
                                domain::format_ru(end) + w_(") уроков: ", ": ") +
                                std::to_string(remaining)});
            return;
        }
        const domain::ScaleSymbol* symbol = scale.find(pm.symbol);
        if (pm.outcome != domain::PeriodMark::Outcome::mark || symbol == nullptr ||
            symbol->points >= scale.pass_points || !pm.mean) {
            return;
        }
        out_.push_back({pupil, 1, subject, w_("неудовлетворительно", "failing"),
                        w_("средний балл ", "mean ") + decimal_text(*pm.mean) + " (" +
                            std::to_string(pm.count) + w_(" отм.): выходит «", " marks): gives «") +
                            pm.symbol + "»"});
    }

    void absences(std::size_t pupil, const std::string& month, const AttendanceTally& t,
                  int percent) {
        auto share = t.missed_share();
        if (!share || *share < std::int64_t{percent} * 100) {
            return;
        }
        out_.push_back({pupil, 2, "", w_("пропуски", "absences"),
                        w_("пропущено ", "missed ") + decimal_text(*share) +
                            w_(" % уроков за ", " % of the lessons of ") + month + " (" +
                            std::to_string(t.missed) + w_(" из ", " of ") +
                            std::to_string(t.lessons) + w_("; по болезни ", "; ill ") +
                            std::to_string(t.missed_ill) + ")"});
    }

    void run(std::size_t pupil, const Date& first, const Date& last, int length, bool all_ill) {
        out_.push_back({pupil, 3, "", w_("пропуски подряд", "absent in a row"),
                        std::to_string(length) + w_(" уч. дн. подряд: ", " school days: ") +
                            domain::format_ru(first) + "–" + domain::format_ru(last) +
                            (all_ill ? w_(", по болезни", ", ill") : "")});
    }

private:
    const Words& w_;
    std::vector<Finding>& out_;
};

// Runs of school days on which every lesson was missed.
void find_runs(const JournalLessons& lessons, const RollPupil& p, const Date& to,
               std::span<const store::AbsenceRow> rows, std::size_t index, int min_length,
               ClassFindings& findings) {
    const std::span<const LessonDay> per_day = lessons.lessons_per_day(p.pupil_id, p.from, to);
    struct Missed {
        int lessons = 0;
        bool all_ill = true;
    };
    std::vector<Missed> missed(per_day.size());  // by the day's place in per_day
    for (const auto& a : rows) {
        if (a.code == "late") {
            continue;
        }
        const int day = absence_day(a);
        auto it = std::lower_bound(per_day.begin(), per_day.end(), day,
                                   [](const LessonDay& d, int n) { return d.day < n; });
        if (it == per_day.end() || it->day != day) {
            continue;
        }
        Missed& m = missed[static_cast<std::size_t>(it - per_day.begin())];
        ++m.lessons;
        m.all_ill = m.all_ill && a.code == "ill";
    }
    auto date_of = [](int day) { return Date(sys_days(days(day))); };
    int first = 0;
    int last = 0;
    int length = 0;
    bool all_ill = true;
    auto close = [&] {
        if (length >= min_length) {
            findings.run(index, date_of(first), date_of(last), length, all_ill);
        }
        length = 0;
        all_ill = true;
    };
    for (std::size_t i = 0; i < per_day.size(); ++i) {
        if (missed[i].lessons < per_day[i].lessons) {
            close();
            continue;
        }
        if (length == 0) {
            first = per_day[i].day;
        }
        last = per_day[i].day;
        ++length;
        all_ill = all_ill && missed[i].all_ill;
    }
    close();
}

// The period's pupils and each (pupil, subject) pair's marks so far, for the whole school.
struct PeriodData {
    struct PairMarks {
        std::int64_t pupil_id = 0;
        std::int64_t subject_id = 0;
        std::vector<domain::WeightedMark> marks;
    };
    std::unordered_map<std::int64_t, store::PeriodPupil> pupils;
    std::vector<PairMarks> pairs;  // by pupil, then subject

    // The pupil's pairs, by subject.
    std::span<const PairMarks> of(std::int64_t pupil_id) const {
        auto first = std::lower_bound(pairs.begin(), pairs.end(), pupil_id,
                                      [](const PairMarks& p, std::int64_t id) {
                                          return p.pupil_id < id;
                                      });
        auto last = std::find_if(first, pairs.end(),
                                 [&](const PairMarks& p) { return p.pupil_id != pupil_id; });
        return {first, last};
    }
};

PeriodData load_period(store::Database& db, FinalsInputs& inputs, std::int64_t year_id,
                       const std::string& from, const std::string& so_far,
                       const std::string& end) {
    PeriodData d;
    store::FinalsScope everyone;
    for (auto& p : store::period_pupils(db, year_id, from, so_far, everyone)) {
        std::int64_t id = p.pupil_id;
        d.pupils.emplace(id, std::move(p));
    }
    for (const auto& [pupil, subject] :
         store::period_subject_pairs(db, year_id, from, end, everyone)) {
        if (d.pupils.count(pupil) != 0) {
            d.pairs.push_back({pupil, subject, {}});
        }
    }
    std::sort(d.pairs.begin(), d.pairs.end(), [](const auto& a, const auto& b) {
        return std::tie(a.pupil_id, a.subject_id) < std::tie(b.pupil_id, b.subject_id);
    });
    // A pair's place by its ids, for the scan below: a hash lookup a mark.
    using Ids = std::pair<std::int64_t, std::int64_t>;
    struct IdsHash {
        std::size_t operator()(const Ids& ids) const {
            return std::hash<std::int64_t>()(ids.first * 1000003 + ids.second);
        }
    };
    std::unordered_map<Ids, std::size_t, IdsHash> place;
    place.reserve(d.pairs.size());
    for (std::size_t i = 0; i < d.pairs.size(); ++i) {
        place.emplace(Ids{d.pairs[i].pupil_id, d.pairs[i].subject_id}, i);
    }
    // In no particular order: a period mark is a sum over its marks, and a work type the
    // configuration lacks is only skipped here, never listed.
    store::for_each_mark_between(db, year_id, from, so_far, [&](const store::PeriodMarkRow& m) {
        auto it = place.find(Ids{m.pupil_id, m.subject_id});
        if (it == place.end()) {
            return;
        }
        if (auto w = inputs.weighted(m, d.pupils.at(m.pupil_id))) {
            d.pairs[it->second].marks.push_back(*w);
        }
    });
    return d;
}

}  // namespace

report::Document build_at_risk_report(Session& session, const ReportScope& scope,
                                      const AtRiskOptions& options) {
    const Words& w = scope.words;
    if (!scope.period || scope.period->is_year()) {
        throw Error(ExitCode::usage,
                    "the early warning looks at a period in progress: use --period Q2 or "
                    "current (the default), not the year or --from/--to");
    }
    store::Database& db = session.db();
    const domain::GradingPolicy& policy = session.settings().grading;
    FinalsInputs inputs(session);
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    report::Document doc = period_document(session, scope, "at-risk",
                                           w("Группа риска", "Pupils at risk"));
    doc.meta.push_back({w("На дату", "As of"), domain::format_ru(scope.today)});
    std::map<std::pair<std::string, std::string>, PeriodData> period_data;
    for (std::size_t k = 0; k < scope.classes.size(); ++k) {
        const auto& klass = scope.classes[k];
        const domain::AttestationPeriod* def =
            definition_for_grade(scope.period->definitions, klass.grade);
        report::Section& section = doc.sections.emplace_back();
        section.key = klass.name();
        section.heading = w("Класс ", "Class ") + klass.name();
        section.table.columns = {{"№", 4, report::Align::right},
                                 {w("Ученик", "Pupil"), 26},
                                 {w("Предмет", "Subject"), 22},
                                 {w("Риск", "Risk"), 16},
                                 {w("Причина", "Reason"), 60}};
        if (def == nullptr || scope.today < def->dates.start) {
            section.notes.push_back(w("Период для этого класса ещё не начался.",
                                      "The period has not begun for this class."));
            continue;
        }
        const Date end = def->dates.end;
        const Date so_far = std::min(end, scope.today);
        const int min_marks = def->min_marks.value_or(policy.min_marks);
        const int days_left = std::max(0, days_between(scope.today, end));
        ClassRoll roll = class_roll(rolls, klass.id, def->dates);
        std::map<std::int64_t, std::size_t> index;
        for (std::size_t i = 0; i < roll.pupils.size(); ++i) {
            if (roll.pupils[i].to >= so_far) {  // still in the class
                index.emplace(roll.pupils[i].pupil_id, i);
            }
        }
        std::vector<Finding> found;
        ClassFindings findings(w, found);

        // Marks so far, per pupil and subject the period gives them: read once for every class
        // of the same dates, then taken by the class's pupils. A grade taught without marks is
        // heading for no «н/а» and no failing mark.
        const bool unmarked = domain::taught_without_marks(session.settings(), klass.grade);
        if (!unmarked) {
            std::string from_iso = domain::format_iso(def->dates.start);
            std::string so_far_iso = domain::format_iso(so_far);
            auto key = std::make_pair(from_iso, so_far_iso);
            auto cached = period_data.find(key);
            if (cached == period_data.end()) {
                cached = period_data.emplace(key, load_period(db, inputs, scope.year_id, from_iso,
                                                              so_far_iso, domain::format_iso(end)))
                             .first;
            }
            const PeriodData& data = cached->second;
            for (const auto& [pupil_id, i] : index) {
                auto pupil = data.pupils.find(pupil_id);
                if (pupil == data.pupils.end() || pupil->second.class_id != klass.id) {
                    continue;
                }
                for (const auto& pair : data.of(pupil_id)) {
                    const domain::MarkScale& scale = inputs.scale_of_subject(pair.subject_id);
                    if (!scale.takes_marks()) {
                        continue;
                    }
                    auto pm = domain::compute_period_mark(pair.marks, scale, policy,
                                                          def->min_marks);
                    int remaining = lessons.subject_lessons(pupil_id, pair.subject_id,
                                                            plus_days(so_far, 1), end);
                    findings.marks(i, inputs.subject(pair.subject_id).name, pm, scale,
                                   min_marks, remaining, days_left, end, options.warn_days);
                }
            }
        }

        // Attendance: each calendar month so far, and runs of missed days.
        for (const auto& [pupil_id, i] : index) {
            const RollPupil& p = roll.pupils[i];
            Date to = std::min(p.to, so_far);
            if (to < p.from) {
                continue;
            }
            auto rows = absences.of(pupil_id);
            for (Date month_start = Date(p.from.year(), p.from.month(), std::chrono::day(1));
                 month_start <= to;
                 month_start = Date(sys_days(std::chrono::year_month_day_last(
                                        month_start.year(), std::chrono::month_day_last(
                                                                month_start.month()))) +
                                    days(1))) {
                Date month_end = std::chrono::year_month_day_last(
                    month_start.year(), std::chrono::month_day_last(month_start.month()));
                Date a = std::max(month_start, p.from);
                Date b = std::min(month_end, to);
                AttendanceTally t = tally_attendance(lessons, pupil_id, a, b, rows);
                std::string month = domain::format_ru(month_start).substr(3);  // 09.2026
                findings.absences(i, month, t, options.absence_percent);
            }
            find_runs(lessons, p, to, rows, i, options.consecutive_days, findings);
        }

        std::stable_sort(found.begin(), found.end(), [](const Finding& a, const Finding& b) {
            return std::tie(a.pupil, a.kind) < std::tie(b.pupil, b.kind);
        });
        std::int64_t n = 0;
        for (const auto& f : found) {
            section.table.rows.push_back({++n, domain::full_name(roll.pupils[f.pupil].name),
                                          f.subject.empty() ? report::Cell{} : report::Cell{f.subject},
                                          f.risk, f.reason});
        }
        if (unmarked) {
            section.notes.push_back(unmarked_note(w, klass.grade));
        }
        section.notes.push_back(
            w("«н/а»: меньше ", "«н/а»: fewer than ") + std::to_string(min_marks) +
            w(" отметок, а до конца периода не больше ", " marks with at most ") +
            std::to_string(options.warn_days) +
            w(" дней или уроков не хватает; пропуски: от ", " days left or too few lessons; "
                                                          "absences: from ") +
            std::to_string(options.absence_percent) +
            w(" % уроков месяца; подряд: от ", " % of a month's lessons; in a row: from ") +
            std::to_string(options.consecutive_days) + w(" учебных дней.", " school days."));
    }
    return doc;
}

}  // namespace schoolctl::app
