#include "app/reports/attendance_report.h"

#include <algorithm>

#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "store/report_data.h"

namespace schoolctl::app {
namespace {

void add_tally_cells(std::vector<report::Cell>& row, const AttendanceTally& t) {
    for (int n : {t.lessons, t.missed, t.missed_ill, t.missed_excused, t.missed_unexcused,
                  t.days_missed, t.days_missed_ill, t.days_missed_excused,
                  t.days_missed_unexcused, t.late}) {
        row.emplace_back(std::int64_t{n});
    }
    row.push_back(hundredths_cell(t.missed_share()));
}

}  // namespace

report::Document build_attendance_report(Session& session, const ReportScope& scope,
                                         const AttendanceReportOptions& options) {
    const Words& w = scope.words;
    store::Database& db = session.db();
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    report::Document doc = period_document(session, scope, "attendance",
                                           w("Отчёт о посещаемости", "Attendance report"));
    doc.orientation = report::Orientation::landscape;
    report::Highlight over;
    over.at_least = report::Decimal{std::int64_t{options.threshold_percent} * 100, 2};
    for (std::size_t k = 0; k < scope.classes.size(); ++k) {
        const auto& klass = scope.classes[k];
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        report::Section& section = class_section(doc, scope, k);
        report::Table& t = section.table;
        t.columns = {{"№", 4, report::Align::right},
                     {w("Ученик", "Pupil"), 28},
                     {w("Уроков по расписанию", "Lessons scheduled"), 9, report::Align::right},
                     {w("всего", "all"), 6, report::Align::right},
                     {w("по болезни", "ill"), 7, report::Align::right},
                     {w("уважит.", "excused"), 7, report::Align::right},
                     {w("без уважит.", "unexcused"), 7, report::Align::right},
                     {w("всего", "all"), 6, report::Align::right},
                     {w("по болезни", "ill"), 7, report::Align::right},
                     {w("уважит.", "excused"), 7, report::Align::right},
                     {w("без уважит.", "unexcused"), 7, report::Align::right},
                     {w("Опозданий", "Late"), 8, report::Align::right},
                     {w("Пропущено, %", "Missed, %"), 9, report::Align::right}};
        t.columns.back().highlight = over;
        t.groups = {{w("Пропущено уроков", "Lessons missed"), 3, 4},
                    {w("Пропущено дней", "Days missed"), 7, 4}};
        AttendanceTally total;
        for (std::size_t i = 0; i < roll.pupils.size(); ++i) {
            const RollPupil& p = roll.pupils[i];
            std::string name = domain::full_name(p.name);
            if (!p.at_start) {
                name += w(" (с ", " (from ") + domain::format_ru(p.from) + ")";
            }
            if (!p.at_end) {
                name += w(" (выбыл(а) ", " (left ") + domain::format_ru(p.to) + ")";
            }
            AttendanceTally tally =
                tally_attendance(lessons, p.pupil_id, p.from, std::min(p.to, scope.today),
                                 absences.of(p.pupil_id));
            total += tally;
            std::vector<report::Cell> row{static_cast<std::int64_t>(i + 1), name};
            add_tally_cells(row, tally);
            t.rows.push_back(std::move(row));
        }
        std::vector<report::Cell> row{report::Cell{}, std::string(w("Итого", "Total"))};
        add_tally_cells(row, total);
        t.rows.push_back(std::move(row));
        section.notes.push_back(
            w("День считается пропущенным, если пропущены все уроки ученика в этот день. "
              "Выделены ученики, пропустившие ",
              "A day is missed when every lesson the pupil had that day was missed. Highlighted: "
              "pupils who missed ") +
            std::to_string(options.threshold_percent) +
            w(" % уроков и больше.", " % of their lessons or more."));
        if (scope.today < dates.end) {
            section.notes.push_back(w("Учтены уроки по ", "Lessons counted up to ") +
                                    domain::format_ru(scope.today) + w(" включительно.", "."));
        }
    }
    return doc;
}

}  // namespace schoolctl::app
