#include "app/reports/class_summary.h"

#include <algorithm>

#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/grading.h"
#include "domain/indicators.h"
#include "store/report_data.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// «Абрамова Д. Е., Белов И. С.»
std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) {
        out += (out.empty() ? "" : ", ") + item;
    }
    return out;
}

struct Lines {
    report::Table& table;
    void add(std::string label, report::Cell value, std::string who = {}) {
        table.rows.push_back({std::move(label), std::move(value), std::move(who)});
    }
    void count(std::string label, const std::vector<std::string>& who) {
        add(std::move(label), static_cast<std::int64_t>(who.size()), join(who));
    }
};

}  // namespace

report::Document build_class_summary(Session& session, const ReportScope& scope,
                                     const ClassSummaryOptions& options) {
    const Words& w = scope.words;
    if (!scope.period) {
        throw Error(ExitCode::usage,
                    "the class teacher's report is a period's: use --period (Q1, current, "
                    "year), not --from/--to");
    }
    store::Database& db = session.db();
    const std::string& period = scope.period->code;
    PeriodMarksGrid grid(session, scope, {period});
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    report::Document doc = period_document(
        session, scope, "class-summary",
        w("Отчёт классного руководителя за период", "Class teacher's period report"));
    for (std::size_t k = 0; k < scope.classes.size(); ++k) {
        const auto& klass = scope.classes[k];
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        std::vector<std::int64_t> ids;
        for (const auto& p : roll.pupils) {
            ids.push_back(p.pupil_id);
        }
        // A grade taught without marks has no subjects to count, whatever an older computation
        // stored: headcount and attendance only.
        const domain::Marking marking = domain::marking_of(session.settings(), klass.grade);
        const bool unmarked = marking == domain::Marking::unmarked;
        auto subjects = grid.subjects_of(ids, klass.grade);

        report::Section& section = class_section(doc, scope, k);
        section.table.columns = {{w("Показатель", "Indicator"), 34},
                                 {w("Значение", "Value"), 10, report::Align::right},
                                 {w("Ученики", "Pupils"), 60}};
        Lines lines{section.table};

        std::vector<std::string> arrived;
        std::vector<std::string> left;
        std::vector<std::string> excellent, good, one_four, one_three, failing, not_attested,
            exempt, attested;
        std::vector<std::string> unexcused;
        domain::MarkTally tally;
        AttendanceTally attendance;
        for (const RollPupil& p : roll.pupils) {
            std::string name = domain::short_name(p.name);
            if (!p.at_start) {
                arrived.push_back(name + " (" + domain::format_ru(p.from) + ")");
            }
            if (!p.at_end) {
                left.push_back(name + " (" + domain::format_ru(p.to) + ")");
            }
            AttendanceTally t =
                tally_attendance(lessons, p.pupil_id, p.from, std::min(p.to, scope.today),
                                 absences.of(p.pupil_id));
            attendance += t;
            if (t.missed_unexcused > 0) {
                unexcused.push_back(name + " — " + std::to_string(t.missed_unexcused) +
                                    w(" ур.", " lessons"));
            }
            if (!p.at_end) {
                continue;  // a pupil who left is out of the indicators
            }
            std::vector<domain::MarkCategory> marks;
            for (const auto& s : subjects) {
                marks.push_back(
                    domain::categorise_mark(grid.mark(p.pupil_id, s.id, period), marking));
                if (options.basis == IndicatorBasis::marks) {
                    tally.add(marks.back());
                }
            }
            domain::PupilStanding standing = domain::standing_of(marks, marking);
            if (options.basis == IndicatorBasis::pupils) {
                tally.add(standing.worst);
            }
            auto subject_list = [&](bool with_marks) {
                std::vector<std::string> names;
                for (std::size_t i : standing.subjects) {
                    names.push_back(subjects[i].name +
                                    (with_marks ? ": " + grid.mark(p.pupil_id, subjects[i].id,
                                                                   period)
                                                : std::string()));
                }
                return join(names);
            };
            switch (standing.standing) {
                case domain::Standing::excellent:
                    excellent.push_back(name);
                    break;
                case domain::Standing::good:
                    good.push_back(name);
                    break;
                case domain::Standing::failing:
                    failing.push_back(name + " (" + subject_list(true) + ")");
                    break;
                case domain::Standing::exempt:
                    exempt.push_back(name);
                    break;
                case domain::Standing::satisfactory:
                case domain::Standing::unrated:
                case domain::Standing::unmarked:
                    break;
            }
            if (standing.one_four) {
                one_four.push_back(name + " (" + subject_list(false) + ")");
            }
            if (standing.one_three) {
                one_three.push_back(name + " (" + subject_list(false) + ")");
            }
            bool any_na = false;
            for (std::size_t i = 0; i < marks.size(); ++i) {
                any_na = any_na || marks[i] == domain::MarkCategory::not_attested;
            }
            if (any_na) {
                std::vector<std::string> which;
                for (std::size_t i = 0; i < marks.size(); ++i) {
                    if (marks[i] == domain::MarkCategory::not_attested) {
                        which.push_back(subjects[i].name);
                    }
                }
                not_attested.push_back(name + " (" + join(which) + ")");
            } else if (standing.standing != domain::Standing::unrated &&
                       standing.standing != domain::Standing::exempt &&
                       standing.standing != domain::Standing::unmarked) {
                attested.push_back(name);
            }
        }
        lines.add(w("Учеников на начало периода", "Pupils at the start"),
                  std::int64_t{roll.at_start});
        lines.count(w("Прибыло", "Arrived"), arrived);
        lines.count(w("Выбыло", "Left"), left);
        lines.add(w("Учеников на конец периода", "Pupils at the end"), std::int64_t{roll.at_end});
        if (unmarked) {
            lines.add(w("Отметки", "Marks"), report::Cell{},
                      w("безотметочное обучение", "taught without marks"));
        } else {
            lines.add(w("Аттестовано", "Attested"), static_cast<std::int64_t>(attested.size()));
            lines.count(w("Не аттестовано («н/а»)", "Not attested («н/а»)"), not_attested);
            lines.count(w("Освобождено", "Exempt"), exempt);
            lines.count(w("Отличники", "All fives"), excellent);
            lines.count(w("Хорошисты", "Fours and fives"), good);
            lines.count(w("С одной «4»", "With one «4»"), one_four);
            lines.count(w("С одной «3»", "With one «3»"), one_three);
            lines.count(w("Неуспевающие", "Failing"), failing);
            domain::Indicators ind = domain::indicators_of(tally);
            lines.add(w("Успеваемость, %", "Pass rate, %"), hundredths_cell(ind.success));
            lines.add(w("Качество знаний, %", "Quality, %"), hundredths_cell(ind.quality));
            lines.add(w("Средний балл", "Mean mark"), hundredths_cell(ind.average));
            lines.add(w("СОУ, %", "Degree of learning (SOU), %"), hundredths_cell(ind.sou));
        }
        // «по болезни 81, по уважительной причине 17, без уважительной причины 27»
        auto reasons = [&](int ill, int with_reason, int without_reason) {
            return w("по болезни ", "ill ") + std::to_string(ill) +
                   w(", по уважительной причине ", ", excused ") + std::to_string(with_reason) +
                   w(", без уважительной причины ", ", unexcused ") +
                   std::to_string(without_reason);
        };
        lines.add(w("Пропущено уроков", "Lessons missed"), std::int64_t{attendance.missed},
                  reasons(attendance.missed_ill, attendance.missed_excused,
                          attendance.missed_unexcused));
        lines.add(w("Пропущено дней", "Days missed"), std::int64_t{attendance.days_missed},
                  reasons(attendance.days_missed_ill, attendance.days_missed_excused,
                          attendance.days_missed_unexcused));
        lines.add(w("Опозданий", "Late"), std::int64_t{attendance.late});
        lines.count(w("Пропускали без уважительной причины", "Missed lessons without a reason"),
                    unexcused);
        if (unmarked) {
            section.notes.push_back(unmarked_note(w, klass.grade));
            continue;
        }
        section.notes.push_back(
            options.basis == IndicatorBasis::pupils
                ? w("Показатели по ученикам: каждый ученик учитывается по худшей отметке периода; "
                    "N = ученики на конец периода − освобождённые − без отметок.",
                    "Indicators by pupils: each pupil counts once, by their worst period mark; "
                    "N = pupils at the end − exempt − without marks.")
                : w("Показатели по отметкам: учитывается каждая отметка за период.",
                    "Indicators by marks: every period mark counts."));
        if (subjects.empty()) {
            section.notes.push_back(
                w("Отметки за период не вычислены: schoolctl finals compute --period ",
                  "No period marks computed yet: schoolctl finals compute --period ") +
                period);
        }
    }
    return doc;
}

}  // namespace schoolctl::app
