#include "app/reports/journal_spread.h"

#include <map>
#include <set>

#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/groups.h"
#include "store/journal_roster.h"
#include "store/journal_sheet.h"
#include "store/names.h"
#include "store/report_data.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

const char* month_name(unsigned month, const Words& w) {
    static const char* ru[] = {"январь", "февраль", "март",     "апрель",  "май",    "июнь",
                               "июль",   "август",  "сентябрь", "октябрь", "ноябрь", "декабрь"};
    static const char* en[] = {"January", "February", "March",     "April",   "May",
                               "June",    "July",     "August",    "September", "October",
                               "November", "December"};
    return w(ru[month - 1], en[month - 1]);
}

struct Row {
    std::int64_t pupil_id = 0;
    domain::PersonName name;
};

}  // namespace

report::Document build_journal_spread(Session& session, const ReportScope& scope,
                                      const JournalSpreadRequest& request) {
    const Words& w = scope.words;
    if (scope.classes.size() != 1) {
        throw Error(ExitCode::usage, "the journal page is one class's: give --class");
    }
    const auto& klass = scope.classes.front();
    store::Database& db = session.db();
    SubjectChoice subject = select_subject(session, request.subject);
    domain::DateRange dates = scope.dates_for(klass.grade);

    // Whose lessons: the class's own, or one of its groups'.
    store::SheetTarget target;
    target.year_id = scope.year_id;
    target.subject_id = subject.id;
    target.from = domain::format_iso(dates.start);
    target.to = domain::format_iso(dates.end);
    std::string target_name = klass.name();
    std::vector<store::GroupRow> groups;
    for (auto& g : store::list_groups(db, scope.year_id)) {
        if (g.class_id == klass.id) {
            groups.push_back(std::move(g));
        }
    }
    if (request.group) {
        std::string key = domain::match_key(*request.group);
        for (const auto& g : groups) {
            if (domain::match_key(g.name) == key) {
                target.group_id = g.id;
                target_name = g.name;
            }
        }
        if (!target.group_id) {
            std::string names;
            for (const auto& g : groups) {
                names += (names.empty() ? "" : ", ") + g.name;
            }
            throw Error(ExitCode::data, "--group \"" + *request.group + "\" is not a group of " +
                                            klass.name() +
                                            (names.empty() ? "" : " (its groups: " + names + ")"));
        }
    } else {
        target.class_id = klass.id;
    }
    auto lessons = store::sheet_lessons(db, target);
    if (lessons.empty() && !request.group) {
        // Taught in groups only? Say which.
        std::string with;
        for (const auto& g : groups) {
            store::SheetTarget t = target;
            t.class_id.reset();
            t.group_id = g.id;
            if (!store::sheet_lessons(db, t).empty()) {
                with += (with.empty() ? "" : ", ") + g.name;
            }
        }
        if (!with.empty()) {
            throw Error(ExitCode::data, subject.name + " is taught to " + klass.name() +
                                            " in groups: " + with + "; add --group");
        }
    }

    // The pupils: the class's during the dates, or the group's.
    std::vector<Row> rows;
    if (target.group_id) {
        std::set<std::int64_t> seen;
        for (const auto& m : store::year_group_memberships(db, scope.year_id)) {
            if (m.target_id == *target.group_id && m.from_date <= target.to &&
                (!m.to_date || *m.to_date >= target.from) && seen.insert(m.pupil_id).second) {
                rows.push_back({m.pupil_id, store::person_name(db, m.pupil_id).value_or(
                                                domain::PersonName{})});
            }
        }
        std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
            return domain::compare_names(a.name, b.name) < 0;
        });
    } else {
        auto rolls = store::class_rolls(db, scope.year_id, target.from, target.to);
        for (const auto& p : class_roll(rolls, klass.id, dates).pupils) {
            rows.push_back({p.pupil_id, p.name});
        }
    }

    std::map<std::pair<std::int64_t, std::int64_t>, std::string> cells;  // lesson, pupil
    for (const auto& m : store::sheet_marks(db, target)) {
        std::string& c = cells[{m.lesson_id, m.pupil_id}];
        c += (c.empty() ? "" : " ") + m.value;
    }
    for (const auto& a : store::sheet_absences(db, target)) {
        std::string& c = cells[{a.lesson_id, a.pupil_id}];
        std::string mark = a.value == "late" ? w("оп", "late") : w("н", "abs");
        c = c.empty() ? mark : mark + " " + c;
    }

    report::Document doc = period_document(session, scope, "journal-page",
                                           w("Страница классного журнала", "Class journal page"));
    doc.orientation = report::Orientation::landscape;
    doc.section_key_title = w("Страница", "Page");
    doc.meta.push_back({w("Предмет", "Subject"), subject.name});
    doc.meta.push_back({w("Класс", "Class"), target_name});

    report::Section& marks = doc.sections.emplace_back();
    marks.key = klass.name() + w(" отметки", " marks");
    marks.heading = subject.name + ", " + target_name + w(": отметки и посещаемость",
                                                          ": marks and attendance");
    report::Table& t = marks.table;
    t.columns = {{"№", 3, report::Align::right}, {w("Ученик", "Pupil"), 18}};
    unsigned month = 0;
    for (const auto& l : lessons) {
        domain::Date d = *domain::parse_date(l.date);
        auto m = static_cast<unsigned>(d.month());
        if (m != month) {
            t.groups.push_back({month_name(m, w), t.columns.size(), 0});
            month = m;
        }
        ++t.groups.back().count;
        report::Column c(domain::format_ru(d).substr(0, 2), 3, report::Align::center);
        report::Highlight failing;
        failing.texts = {"2", "1", w("н", "abs")};
        c.highlight = failing;
        t.columns.push_back(std::move(c));
    }
    const bool with_period_mark = scope.period.has_value();
    std::optional<PeriodMarksGrid> grid;
    if (with_period_mark) {
        grid.emplace(session, scope, std::vector<std::string>{scope.period->code});
        report::Column c(scope.period->is_year() ? std::string(w("Год", "Year"))
                                                 : scope.period->code,
                         4, report::Align::center);
        c.highlight = failing_marks();
        t.columns.push_back(std::move(c));
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
        std::vector<report::Cell> row{static_cast<std::int64_t>(i + 1),
                                      domain::short_name(rows[i].name)};
        for (const auto& l : lessons) {
            auto it = cells.find({l.id, rows[i].pupil_id});
            row.emplace_back(it == cells.end() ? report::Cell{} : report::Cell{it->second});
        }
        if (grid) {
            const std::string& m = grid->mark(rows[i].pupil_id, subject.id, scope.period->code);
            row.emplace_back(m.empty() ? report::Cell{} : report::Cell{m});
        }
        t.rows.push_back(std::move(row));
    }
    if (lessons.empty()) {
        marks.notes.push_back(w("Уроков в эти даты нет.", "No lessons in these dates."));
    }

    report::Section& topics = doc.sections.emplace_back();
    topics.key = klass.name() + w(" темы", " topics");
    topics.heading = subject.name + ", " + target_name + w(": темы уроков и домашние задания",
                                                          ": topics and homework");
    topics.table.columns = {{"№", 3, report::Align::right},
                            {w("Дата", "Date"), 9, report::Align::center},
                            {w("Урок", "Lesson"), 4, report::Align::center},
                            {w("Тема урока", "Topic"), 40},
                            {w("Домашнее задание", "Homework"), 40}};
    for (std::size_t i = 0; i < lessons.size(); ++i) {
        const auto& l = lessons[i];
        topics.table.rows.push_back({static_cast<std::int64_t>(i + 1),
                                     *domain::parse_date(l.date), std::int64_t{l.lesson_no},
                                     l.topic, l.homework});
    }
    return doc;
}

}  // namespace schoolctl::app
