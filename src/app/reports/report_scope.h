#pragma once
// What a period report is about, from the options every such report takes: which classes
// (--class, --parallel, --all-classes), which dates (--period Q1|current|year, or --from/--to)
// and in which language (--lang ru|en: the forms are Russian, English is for others reading).
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "app/journal/finals_period.h"
#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/session.h"
#include "domain/date.h"
#include "domain/settings.h"
#include "store/pupils.h"
#include "store/report_data.h"

namespace schoolctl::app {

enum class ReportLang { ru, en };

// The Russian or the English of a label.
struct Words {
    ReportLang lang = ReportLang::ru;
    const char* operator()(const char* ru, const char* en) const {
        return lang == ReportLang::en ? en : ru;
    }
};

struct ReportScopeRequest {
    std::optional<std::string> klass;  // 5А
    std::optional<int> parallel;       // 5: every class of the grade
    // --period: a period code, "current" (the period today is in, else the last one begun) or
    // "year"; with neither it nor --from/--to, "current".
    std::optional<std::string> period;
    std::optional<domain::Date> from;
    std::optional<domain::Date> to;
    ReportLang lang = ReportLang::ru;
};

struct ReportScope {
    std::int64_t year_id = 0;
    std::string year_name;                 // «2026/27»
    std::vector<store::ClassRow> classes;  // by grade and letter
    std::vector<std::string> class_teachers;  // short names, "" when none; by class
    // The period, when the dates are one (or the year); none with --from/--to.
    std::optional<PeriodChoice> period;
    domain::DateRange dates;  // the widest: a period's dates over every grade
    domain::Date today;       // attendance counts up to today: later lessons are yet to come
    Words words;

    // The lessons of `dates` and the year's memberships, read on first use and shared by every
    // report built on this scope (`report all` builds six).
    const JournalLessons& journal_lessons(store::Database& db) const;
    // Who was in which class during `dates` (cut to a class's own dates by class_roll), and
    // every absence of `dates`: read once, like the lessons.
    const std::vector<store::RollRow>& rolls(store::Database& db) const;
    const AbsenceIndex& absences(store::Database& db) const;
    // Every period, year, exam and final mark of the year: what the grids of marks are made
    // from (report cards, performance, class and school summaries), read once for them all.
    const std::vector<store::FinalValueRow>& final_values(store::Database& db) const;
    // Each is read by the first report to ask, on its connection, while another thread asking
    // waits: `report all` builds on two connections at once.

    // The dates that apply to a grade: its own definition of the period, or `dates`.
    domain::DateRange dates_for(int grade) const;
    // «1 четверть (01.09.2026–23.10.2026)», «2026/27», «01.11.2026–30.11.2026».
    std::string dates_label(int grade) const;

private:
    struct Caches {
        std::once_flag lessons_read, rolls_read, absences_read, finals_read;
        std::unique_ptr<const JournalLessons> lessons;
        std::vector<store::RollRow> rolls;
        std::unique_ptr<const AbsenceIndex> absences;
        std::vector<store::FinalValueRow> finals;
    };
    std::shared_ptr<Caches> caches_ = std::make_shared<Caches>();
};

// Resolves the options and checks report.read: on each class named (a class teacher may report
// on their class), on the school for --all-classes and --parallel. Exit 64 for options that do
// not go together, 65 for a class or parallel the year lacks.
ReportScope resolve_report_scope(Session& session, const ReportScopeRequest& request);

}  // namespace schoolctl::app
