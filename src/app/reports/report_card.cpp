#include "app/reports/report_card.h"

#include <algorithm>

#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/grading.h"
#include "store/remarks.h"
#include "store/report_data.h"

namespace schoolctl::app {

namespace {

// The heading every file of report cards shares.
report::Document cards_document(const Session& session, const ReportScope& scope) {
    const Words& w = scope.words;
    report::Document doc =
        period_document(session, scope, "report-card", w("Табель успеваемости", "Report card"));
    doc.section_key_title = w("Ученик", "Pupil");
    doc.signatures.push_back({w("Родители (законные представители)", "Parent or guardian"), ""});
    return doc;
}

}  // namespace

ReportCards build_report_cards(Session& session, const ReportScope& scope) {
    ReportCards out;
    out.document = cards_document(session, scope);
    build_report_cards(session, scope, [&](ReportCards&& cards, const std::string&) {
        for (auto& section : cards.document.sections) {
            out.document.sections.push_back(std::move(section));
        }
        for (auto& key : cards.file_keys) {
            out.file_keys.push_back(std::move(key));
        }
    });
    return out;
}

void build_report_cards(
    Session& session, const ReportScope& scope,
    const std::function<void(ReportCards&& cards, const std::string& class_name)>& each_class) {
    const Words& w = scope.words;
    store::Database& db = session.db();
    const PeriodChoice year = select_period(session, std::string(year_period));
    std::vector<std::string> every_period;
    for (const auto& p : year.all_periods) {
        every_period.push_back(p.code);
    }
    every_period.emplace_back(year_period);
    every_period.emplace_back(exam_period);
    every_period.emplace_back(final_period);
    PeriodMarksGrid grid(session, scope, every_period);
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    const report::Document heading = cards_document(session, scope);
    for (std::size_t k = 0; k < scope.classes.size(); ++k) {
        const auto& klass = scope.classes[k];
        ReportCards out;
        out.document = heading;
        report::Document& doc = out.document;
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        auto periods = periods_of_grade(year.all_periods, klass.grade);
        const bool unmarked = domain::taught_without_marks(session.settings(), klass.grade);
        for (const RollPupil& p : roll.pupils) {
            report::Section& section = doc.sections.emplace_back();
            section.key = domain::short_name(p.name);
            section.heading = domain::full_name(p.name) + ", " + klass.name();
            section.meta.push_back({w("Класс", "Class"), klass.name()});
            if (!scope.class_teachers[k].empty()) {
                section.meta.push_back(
                    {w("Классный руководитель", "Class teacher"), scope.class_teachers[k]});
            }
            out.file_keys.push_back(klass.name() + "-" +
                                    (p.external_id.empty() ? std::to_string(p.pupil_id)
                                                           : p.external_id));
            report::Table& t = section.table;
            t.columns = {{w("Предмет", "Subject"), 30}};
            for (std::size_t i = 0; i < periods.size(); ++i) {
                report::Column c(roman(i + 1) + " (" + periods[i]->name + ")", 9,
                                 report::Align::center);
                c.highlight = failing_marks();
                t.columns.push_back(std::move(c));
            }
            const auto subjects = grid.subjects_of({p.pupil_id}, klass.grade);
            // After the year: the exam and the final mark, once the pupil has any of them.
            std::vector<std::string> whole_year{std::string(year_period)};
            for (std::string_view extra : {exam_period, final_period}) {
                for (const auto& subject : subjects) {
                    if (!grid.mark(p.pupil_id, subject.id, std::string(extra)).empty()) {
                        whole_year.emplace_back(extra);
                        break;
                    }
                }
            }
            for (const auto& code : whole_year) {
                report::Column c(code == year_period   ? w("Год", "Year")
                                 : code == exam_period ? w("Экзамен", "Exam")
                                                       : w("Итоговая", "Final"),
                                 9, report::Align::center);
                c.highlight = failing_marks();
                t.columns.push_back(std::move(c));
            }
            for (const auto& subject : subjects) {
                std::vector<report::Cell> row{subject.name};
                for (const auto* period : periods) {
                    const std::string& m = grid.mark(p.pupil_id, subject.id, period->code);
                    row.emplace_back(m.empty() ? report::Cell{} : report::Cell{m});
                }
                for (const auto& code : whole_year) {
                    const std::string& m = grid.mark(p.pupil_id, subject.id, code);
                    row.emplace_back(m.empty() ? report::Cell{} : report::Cell{m});
                }
                t.rows.push_back(std::move(row));
            }
            AttendanceTally a = tally_attendance(lessons, p.pupil_id, p.from,
                                                 std::min(p.to, scope.today),
                                                 absences.of(p.pupil_id));
            section.notes.push_back(
                w("Пропущено уроков: ", "Lessons missed: ") + std::to_string(a.missed) +
                w(", из них по болезни ", ", of them ill ") + std::to_string(a.missed_ill) +
                w("; дней: ", "; days: ") + std::to_string(a.days_missed) +
                w("; опозданий: ", "; late: ") + std::to_string(a.late) + " (" +
                scope.dates_label(klass.grade) + ").");
            for (const auto& r : store::pupil_remarks(db, p.pupil_id,
                                                      domain::format_iso(p.from),
                                                      domain::format_iso(p.to))) {
                section.notes.push_back(w("Замечание ", "Remark ") +
                                        domain::format_ru(*domain::parse_date(r.date)) + ": " +
                                        r.text);
            }
            if (unmarked) {
                section.notes.push_back(unmarked_note(w, klass.grade));
            } else if (t.rows.empty()) {
                section.notes.push_back(w("Отметок за периоды пока нет.",
                                          "No period marks yet."));
            }
        }
        each_class(std::move(out), klass.name());
    }
}

}  // namespace schoolctl::app
