#include "app/reports/performance.h"

#include <map>

#include <algorithm>
#include <span>

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

// One column of marks: a subject in a period (or the year).
struct MarkColumn {
    std::int64_t subject_id = 0;
    std::string period;
};

std::vector<std::string> periods_of(const ReportScope& scope, int grade) {
    if (!scope.period->is_year()) {
        return {scope.period->code};
    }
    std::vector<std::string> out;
    for (const auto* p : periods_of_grade(scope.period->all_periods, grade)) {
        out.push_back(p->code);
    }
    out.emplace_back(year_period);
    return out;
}

// Whether any of the pupils has a mark of the period in any of the subjects.
bool any_mark(const PeriodMarksGrid& grid, const std::vector<std::int64_t>& pupils,
              std::span<const store::SubjectRow> subjects, const std::string& period) {
    for (auto id : pupils) {
        for (const auto& s : subjects) {
            if (!grid.mark(id, s.id, period).empty()) {
                return true;
            }
        }
    }
    return false;
}

std::string period_title(const std::string& period, std::size_t n, const Words& w) {
    if (period == year_period) {
        return w("год", "year");
    }
    if (period == exam_period) {
        return w("экз.", "exam");
    }
    if (period == final_period) {
        return w("итог.", "final");
    }
    return roman(n);
}

// Under the pupils: one row per indicator, a value under each column of marks.
void add_indicator_rows(report::Table& table, const std::vector<MarkColumn>& columns,
                        std::size_t first_mark_column,
                        const std::vector<std::vector<std::string>>& marks, const Words& w) {
    std::vector<domain::Indicators> per_column;
    for (std::size_t c = 0; c < columns.size(); ++c) {
        domain::MarkTally tally;
        for (const auto& pupil_marks : marks) {
            tally.add(domain::categorise_mark(pupil_marks[c]));
        }
        per_column.push_back(domain::indicators_of(tally));
    }
    struct Line {
        const char* label;
        std::optional<std::int64_t> domain::Indicators::*value;
    };
    const Line lines[] = {{w("Успеваемость, %", "Pass rate, %"), &domain::Indicators::success},
                          {w("Качество знаний, %", "Quality, %"), &domain::Indicators::quality},
                          {w("Средний балл", "Mean mark"), &domain::Indicators::average},
                          {w("СОУ, %", "Degree of learning (SOU), %"), &domain::Indicators::sou}};
    for (const auto& line : lines) {
        std::vector<report::Cell> row(table.columns.size());
        row[1] = std::string(line.label);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            row[first_mark_column + c] = hundredths_cell(per_column[c].*line.value);
        }
        table.rows.push_back(std::move(row));
    }
}

}  // namespace

report::Document build_performance_report(Session& session, const ReportScope& scope) {
    const Words& w = scope.words;
    if (!scope.period) {
        throw Error(ExitCode::usage,
                    "the performance sheet shows a period's marks: use --period (Q1, current, "
                    "year), not --from/--to");
    }
    store::Database& db = session.db();
    std::vector<std::string> wanted;
    if (scope.period->is_year()) {
        for (const auto& p : scope.period->all_periods) {
            wanted.push_back(p.code);
        }
    }
    wanted.emplace_back(scope.period->code);
    if (scope.period->is_year()) {
        wanted.emplace_back(exam_period);
        wanted.emplace_back(final_period);
    }
    PeriodMarksGrid grid(session, scope, wanted);
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    report::Document doc = period_document(
        session, scope, "performance",
        w("Сводная ведомость успеваемости", "Performance summary"));
    std::size_t widest = 0;
    for (std::size_t k = 0; k < scope.classes.size(); ++k) {
        const auto& klass = scope.classes[k];
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        std::vector<std::int64_t> ids;
        for (const auto& p : roll.pupils) {
            ids.push_back(p.pupil_id);
        }
        std::vector<std::string> periods = periods_of(scope, klass.grade);
        std::vector<MarkColumn> columns;
        report::Section& section = class_section(doc, scope, k);
        report::Table& table = section.table;
        // The year's sheet has five or more columns a subject: short names leave them the room.
        const bool wide = periods.size() > 1;
        table.columns = {{"№", 3, report::Align::right}, {w("Ученик", "Pupil"), wide ? 15.0 : 28.0}};
        table.key_columns = 2;
        const std::size_t first_mark_column = table.columns.size();
        // A grade taught without marks has no columns of marks, whatever an older computation
        // stored: the pupils and their attendance.
        const bool unmarked = domain::taught_without_marks(session.settings(), klass.grade);
        const auto subjects = grid.subjects_of(ids, klass.grade);
        // The exam column where the class sat an exam in the subject; the final column in every
        // subject once the class has final marks (the forms of grades 9 and 11).
        const bool finals =
            wide && any_mark(grid, ids, subjects, std::string(final_period));
        for (const auto& subject : subjects) {
            std::vector<std::string> own = periods;
            if (wide && any_mark(grid, ids, std::span(&subject, 1), std::string(exam_period))) {
                own.emplace_back(exam_period);
            }
            if (finals) {
                own.emplace_back(final_period);
            }
            std::size_t first = table.columns.size();
            for (std::size_t i = 0; i < own.size(); ++i) {
                std::string title = own.size() == 1 ? subject.name : period_title(own[i], i + 1, w);
                report::Column column(title, wide ? 4 : 8, report::Align::center);
                column.highlight = failing_marks();
                table.columns.push_back(std::move(column));
                columns.push_back({subject.id, own[i]});
            }
            if (own.size() > 1) {
                table.groups.push_back({subject.name, first, own.size()});
            }
        }
        const std::size_t first_attendance = table.columns.size();
        table.columns.push_back({w("дней", "days"), 6, report::Align::right});
        table.columns.push_back({w("уроков", "lessons"), 6, report::Align::right});
        table.columns.push_back({w("из них по болезни", "of them ill"), 8,
                                 report::Align::right});
        table.groups.push_back({w("Пропущено", "Missed"), first_attendance, 3});
        widest = std::max(widest, table.columns.size());

        std::vector<std::vector<std::string>> counted;  // marks of the pupils still in the class
        for (std::size_t i = 0; i < roll.pupils.size(); ++i) {
            const RollPupil& p = roll.pupils[i];
            std::string name = wide ? domain::short_name(p.name) : domain::full_name(p.name);
            if (!p.at_end) {
                name += w(" (выбыл(а) ", " (left ") + domain::format_ru(p.to) + ")";
            }
            std::vector<report::Cell> row{static_cast<std::int64_t>(i + 1), name};
            std::vector<std::string> marks;
            for (const auto& c : columns) {
                const std::string& m = grid.mark(p.pupil_id, c.subject_id, c.period);
                marks.push_back(m);
                row.emplace_back(m.empty() ? report::Cell{} : report::Cell{m});
            }
            AttendanceTally t =
                tally_attendance(lessons, p.pupil_id, p.from, std::min(p.to, scope.today),
                                 absences.of(p.pupil_id));
            row.emplace_back(std::int64_t{t.days_missed});
            row.emplace_back(std::int64_t{t.missed});
            row.emplace_back(std::int64_t{t.missed_ill});
            table.rows.push_back(std::move(row));
            if (p.at_end) {
                counted.push_back(std::move(marks));
            }
        }
        if (unmarked) {
            section.notes.push_back(unmarked_note(w, klass.grade));
            continue;
        }
        if (!columns.empty()) {
            add_indicator_rows(table, columns, first_mark_column, counted, w);
        } else {
            section.notes.push_back(
                w("Отметки за период не вычислены: schoolctl finals compute --period ",
                  "No period marks computed yet: schoolctl finals compute --period ") +
                scope.period->code);
        }
        section.notes.push_back(w("Показатели считаются по ученикам, состоящим в классе на конец "
                                  "периода: N = ученики − освобождённые − без отметок; «н/а» "
                                  "входит в N.",
                                  "Indicators count the pupils in the class at the end of the "
                                  "period (N = pupils − exempt − without marks; «н/а» is in N)."));
    }
    doc.orientation = widest > 12 ? report::Orientation::landscape
                                  : report::Orientation::portrait;
    return doc;
}

}  // namespace schoolctl::app
