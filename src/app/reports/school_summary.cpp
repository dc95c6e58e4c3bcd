#include "app/reports/school_summary.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/journal/journal_lessons.h"
#include "app/reports/attendance_tally.h"
#include "app/reports/class_roll.h"
#include "app/reports/period_marks_grid.h"
#include "domain/collation.h"
#include "domain/grading.h"
#include "domain/indicators.h"
#include "store/journal_roster.h"
#include "store/report_data.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

// What one class (or a parallel, or the school) adds up to in a period.
struct Stats {
    int pupils = 0;  // at the period's end
    int attested = 0;
    int not_attested = 0;
    int excellent = 0;
    int good = 0;
    int failing = 0;
    int unmarked = 0;  // pupils of a grade taught without marks: out of every mark column
    domain::MarkTally tally;
    AttendanceTally attendance;
    bool any_mark = false;

    Stats& operator+=(const Stats& o) {
        pupils += o.pupils;
        attested += o.attested;
        not_attested += o.not_attested;
        excellent += o.excellent;
        good += o.good;
        failing += o.failing;
        unmarked += o.unmarked;
        tally += o.tally;
        attendance += o.attendance;
        any_mark = any_mark || o.any_mark;
        return *this;
    }
};

// The pupils still in the class at the end of the dates.
std::vector<std::int64_t> pupils_at_end(const ClassRoll& roll) {
    std::vector<std::int64_t> ids;
    for (const auto& p : roll.pupils) {
        if (p.at_end) {
            ids.push_back(p.pupil_id);
        }
    }
    return ids;
}

Stats class_stats(const PeriodMarksGrid& grid, const ClassRoll& roll, const std::string& period,
                  IndicatorBasis basis, domain::Marking marking) {
    Stats s;
    std::vector<std::int64_t> ids = pupils_at_end(roll);
    s.pupils = static_cast<int>(ids.size());
    if (marking == domain::Marking::unmarked) {
        s.unmarked = s.pupils;
        return s;  // whatever an older computation stored counts for nothing
    }
    auto subjects = grid.subjects_of(ids);
    for (std::int64_t id : ids) {
        std::vector<domain::MarkCategory> marks;
        for (const auto& subject : subjects) {
            marks.push_back(domain::categorise_mark(grid.mark(id, subject.id, period)));
            if (basis == IndicatorBasis::marks) {
                s.tally.add(marks.back());
            }
        }
        auto standing = domain::standing_of(marks);
        if (basis == IndicatorBasis::pupils) {
            s.tally.add(standing.worst);
        }
        bool na = std::find(marks.begin(), marks.end(), domain::MarkCategory::not_attested) !=
                  marks.end();
        s.not_attested += na ? 1 : 0;
        bool rated = standing.standing != domain::Standing::unrated &&
                     standing.standing != domain::Standing::exempt;
        s.attested += rated && !na ? 1 : 0;
        s.any_mark = s.any_mark || rated;
        s.excellent += standing.standing == domain::Standing::excellent ? 1 : 0;
        s.good += standing.standing == domain::Standing::good ? 1 : 0;
        s.failing += standing.standing == domain::Standing::failing ? 1 : 0;
    }
    return s;
}

void indicator_cells(std::vector<report::Cell>& row, const domain::MarkTally& tally) {
    domain::Indicators i = domain::indicators_of(tally);
    row.push_back(hundredths_cell(i.success));
    row.push_back(hundredths_cell(i.quality));
    row.push_back(hundredths_cell(i.average));
    row.push_back(hundredths_cell(i.sou));
}

std::vector<report::Column> indicator_columns(const Words& w) {
    return {{w("Успеваемость, %", "Pass rate, %"), 9, report::Align::right},
            {w("Качество, %", "Quality, %"), 9, report::Align::right},
            {w("Средний балл", "Mean mark"), 8, report::Align::right},
            {w("СОУ, %", "SOU, %"), 8, report::Align::right}};
}

report::Section stats_section(const Words& w, std::string key, std::string heading,
                              std::string first_title) {
    report::Section s;
    s.key = std::move(key);
    s.heading = std::move(heading);
    s.table.columns = {{std::move(first_title), 12},
                       {w("Учеников", "Pupils"), 7, report::Align::right},
                       {w("Аттестовано", "Attested"), 8, report::Align::right},
                       {w("н/а", "н/а"), 5, report::Align::right},
                       {w("Отличники", "All fives"), 8, report::Align::right},
                       {w("Хорошисты", "4 and 5"), 8, report::Align::right},
                       {w("Неуспевающие", "Failing"), 9, report::Align::right}};
    for (auto& c : indicator_columns(w)) {
        s.table.columns.push_back(std::move(c));
    }
    s.table.columns.push_back({w("Пропущено уроков", "Lessons missed"), 9, report::Align::right});
    s.table.columns.push_back({w("из них по болезни", "of them ill"), 9, report::Align::right});
    return s;
}

void stats_row(report::Section& section, std::string name, const Stats& s) {
    std::vector<report::Cell> row{std::move(name), std::int64_t{s.pupils}};
    if (s.pupils > 0 && s.unmarked == s.pupils) {
        // Taught without marks: every mark column empty, up to the attendance's two.
        row.resize(section.table.columns.size() - 2);
    } else {
        for (int n : {s.attested, s.not_attested, s.excellent, s.good, s.failing}) {
            row.emplace_back(std::int64_t{n});
        }
        indicator_cells(row, s.tally);
    }
    row.emplace_back(std::int64_t{s.attendance.missed});
    row.emplace_back(std::int64_t{s.attendance.missed_ill});
    section.table.rows.push_back(std::move(row));
}

}  // namespace

report::Document build_school_summary(Session& session, const ReportScope& scope,
                                      const ClassSummaryOptions& options) {
    const Words& w = scope.words;
    if (!scope.period) {
        throw Error(ExitCode::usage,
                    "the school summary is a period's: use --period (Q1, current, year), not "
                    "--from/--to");
    }
    store::Database& db = session.db();
    const std::string& period = scope.period->code;
    const PeriodChoice year = select_period(session, std::string(year_period));
    std::vector<std::string> codes;
    for (const auto& p : year.all_periods) {
        if (std::find(codes.begin(), codes.end(), p.code) == codes.end()) {
            codes.push_back(p.code);
        }
    }
    std::vector<std::string> wanted = codes;
    wanted.emplace_back(year_period);
    PeriodMarksGrid grid(session, scope, wanted);
    const JournalLessons& lessons = scope.journal_lessons(db);
    const auto& rolls = scope.rolls(db);
    const AbsenceIndex& absences = scope.absences(db);

    report::Document doc = period_document(session, scope, "school-summary",
                                           w("Итоги успеваемости школы", "School summary"));
    doc.orientation = report::Orientation::landscape;
    doc.section_key_title = w("Раздел", "Part");
    doc.signatures.erase(doc.signatures.begin());  // the school's, not a class teacher's

    // By class and by parallel.
    report::Section by_class =
        stats_section(w, w("Классы", "Classes"), w("По классам", "By class"), w("Класс", "Class"));
    report::Section by_grade = stats_section(w, w("Параллели", "Parallels"),
                                             w("По параллелям", "By parallel"),
                                             w("Параллель", "Parallel"));
    std::map<int, Stats> grades;
    Stats school;
    std::map<std::int64_t, ClassRoll> class_rolls_at;  // by class id, for subjects and teachers
    for (const auto& klass : scope.classes) {
        domain::DateRange dates = scope.dates_for(klass.grade);
        ClassRoll roll = class_roll(rolls, klass.id, dates);
        const domain::Marking marking = domain::marking_of(session.settings(), klass.grade);
        Stats s = class_stats(grid, roll, period, options.basis, marking);
        for (const auto& p : roll.pupils) {
            s.attendance += tally_attendance(lessons, p.pupil_id, p.from,
                                             std::min(p.to, scope.today),
                                             absences.of(p.pupil_id));
        }
        stats_row(by_class, klass.name(), s);
        grades[klass.grade] += s;
        school += s;
        if (marking == domain::Marking::marked) {  // by subject and teacher: marked pupils only
            class_rolls_at.emplace(klass.id, std::move(roll));
        }
    }
    stats_row(by_class, w("Школа", "School"), school);
    for (const auto& [grade, s] : grades) {
        stats_row(by_grade, std::to_string(grade) + w(" классы", " grade"), s);
    }
    stats_row(by_grade, w("Школа", "School"), school);
    report::Chart quality;
    quality.title = w("Качество знаний и успеваемость по классам, %",
                      "Quality and pass rate by class, %");
    quality.category_column = 0;
    quality.value_columns = {8, 7};
    quality.value_axis = "%";
    by_class.charts.push_back(quality);
    by_class.notes.push_back(options.basis == IndicatorBasis::pupils
                                 ? w("Показатели по ученикам (по худшей отметке).",
                                     "Indicators by pupils (their worst mark).")
                                 : w("Показатели по отметкам.", "Indicators by marks."));
    if (school.unmarked > 0) {
        by_class.notes.push_back(
            w("Классы, обучающиеся без отметок (безотметочное обучение, ",
              "Classes taught without marks (grade ") +
            domain::unmarked_grades_text(session.settings()) +
            w(" кл.), в показатели успеваемости не входят: учеников — ",
              "), are out of the mark indicators: pupils — ") +
            std::to_string(school.unmarked) + ".");
    }
    doc.sections.push_back(std::move(by_class));
    doc.sections.push_back(std::move(by_grade));

    // By subject and by teacher: every pupil's mark in the subject.
    std::set<std::int64_t> at_end;
    std::vector<std::int64_t> all_ids;
    for (const auto& [id, roll] : class_rolls_at) {
        for (std::int64_t p : pupils_at_end(roll)) {
            at_end.insert(p);
            all_ids.push_back(p);
        }
    }
    report::Section by_subject;
    by_subject.key = w("Предметы", "Subjects");
    by_subject.heading = w("По предметам", "By subject");
    by_subject.table.columns = {{w("Предмет", "Subject"), 24},
                                {"5", 5, report::Align::right},
                                {"4", 5, report::Align::right},
                                {"3", 5, report::Align::right},
                                {"2", 5, report::Align::right},
                                {w("н/а", "н/а"), 5, report::Align::right}};
    for (auto& c : indicator_columns(w)) {
        by_subject.table.columns.push_back(std::move(c));
    }
    for (const auto& subject : grid.subjects_of(all_ids)) {
        domain::MarkTally t;
        for (std::int64_t p : all_ids) {
            domain::MarkCategory c = domain::categorise_mark(grid.mark(p, subject.id, period));
            if (c != domain::MarkCategory::none) {
                t.add(c);
            }
        }
        if (t.rated() == 0) {
            continue;  // a pass/fail subject: nothing to count
        }
        std::vector<report::Cell> row{subject.name, std::int64_t{t.n5}, std::int64_t{t.n4},
                                      std::int64_t{t.n3}, std::int64_t{t.n2},
                                      std::int64_t{t.not_attested}};
        indicator_cells(row, t);
        by_subject.table.rows.push_back(std::move(row));
    }
    doc.sections.push_back(std::move(by_subject));

    report::Section by_teacher;
    by_teacher.key = w("Учителя", "Teachers");
    by_teacher.heading = w("По учителям", "By teacher");
    by_teacher.table.columns = {{w("Учитель", "Teacher"), 22},
                                {w("Предмет", "Subject"), 20},
                                {w("Классы и группы", "Classes and groups"), 22},
                                {w("Отметок", "Marks"), 7, report::Align::right}};
    for (auto& c : indicator_columns(w)) {
        by_teacher.table.columns.push_back(std::move(c));
    }
    {
        std::string end = domain::format_iso(std::min(scope.dates.end, scope.today));
        std::map<std::int64_t, std::vector<std::int64_t>> group_members;
        for (auto [group, pupil] : store::group_members_on(db, scope.year_id, end)) {
            group_members[group].push_back(pupil);
        }
        auto class_names = store::year_class_names(db, scope.year_id);
        auto group_names = store::year_group_names(db, scope.year_id);
        std::map<std::int64_t, std::string> cname(class_names.begin(), class_names.end());
        std::map<std::int64_t, std::string> gname(group_names.begin(), group_names.end());
        std::map<std::int64_t, std::string> subject_names;
        for (const auto& s : grid.subjects_of(all_ids)) {
            subject_names.emplace(s.id, s.name);
        }
        struct Line {
            domain::PersonName teacher;
            std::string subject;
            std::vector<std::string> where;
            domain::MarkTally tally;
        };
        std::map<std::pair<std::int64_t, std::int64_t>, Line> lines;  // teacher, subject
        for (const auto& t : store::teaching_between(
                 db, scope.year_id, domain::format_iso(scope.dates.start),
                 domain::format_iso(scope.dates.end))) {
            auto subject = subject_names.find(t.subject_id);
            if (subject == subject_names.end()) {
                continue;
            }
            std::vector<std::int64_t> pupils;
            std::string where;
            if (t.class_id) {
                auto roll = class_rolls_at.find(*t.class_id);
                if (roll == class_rolls_at.end()) {
                    continue;  // a class outside --class/--parallel
                }
                pupils = pupils_at_end(roll->second);
                where = cname[*t.class_id];
            } else {
                for (std::int64_t p : group_members[*t.group_id]) {
                    if (at_end.count(p) != 0) {
                        pupils.push_back(p);
                    }
                }
                if (pupils.empty()) {
                    continue;
                }
                where = gname[*t.group_id];
            }
            Line& line = lines[{t.teacher_id, t.subject_id}];
            line.teacher = t.teacher;
            line.subject = subject->second;
            if (std::find(line.where.begin(), line.where.end(), where) != line.where.end()) {
                continue;
            }
            line.where.push_back(where);
            for (std::int64_t p : pupils) {
                domain::MarkCategory c =
                    domain::categorise_mark(grid.mark(p, t.subject_id, period));
                if (c != domain::MarkCategory::none) {
                    line.tally.add(c);
                }
            }
        }
        std::vector<const Line*> order;
        for (const auto& [key, line] : lines) {
            if (line.tally.rated() > 0) {
                order.push_back(&line);
            }
        }
        std::stable_sort(order.begin(), order.end(), [](const Line* a, const Line* b) {
            int c = domain::compare_names(a->teacher, b->teacher);
            return c != 0 ? c < 0 : a->subject < b->subject;
        });
        for (const Line* line : order) {
            std::string where;
            for (const auto& x : line->where) {
                where += (where.empty() ? "" : ", ") + x;
            }
            std::vector<report::Cell> row{domain::short_name(line->teacher), line->subject, where,
                                          std::int64_t{line->tally.rated()}};
            indicator_cells(row, line->tally);
            by_teacher.table.rows.push_back(std::move(row));
        }
    }
    doc.sections.push_back(std::move(by_teacher));

    // The trend: the school's indicators in each period that has marks.
    report::Section trend;
    trend.key = w("Динамика", "Trend");
    trend.heading = w("Динамика по периодам", "Trend over the periods");
    trend.table.columns = {{w("Период", "Period"), 14}};
    for (auto& c : indicator_columns(w)) {
        trend.table.columns.push_back(std::move(c));
    }
    std::vector<std::string> trend_codes = codes;
    trend_codes.emplace_back(year_period);
    for (const auto& code : trend_codes) {
        PeriodChoice p = select_period(session, code);
        Stats total;
        // Read once for the period's widest dates; each class is cut to its grade's.
        auto period_rolls = store::class_rolls(db, scope.year_id, domain::format_iso(p.dates.start),
                                               domain::format_iso(p.dates.end));
        for (const auto& klass : scope.classes) {
            domain::DateRange dates = p.dates;
            if (const auto* d = definition_for_grade(p.definitions, klass.grade)) {
                dates = d->dates;
            }
            total += class_stats(grid, class_roll(period_rolls, klass.id, dates), code,
                                 options.basis, domain::marking_of(session.settings(), klass.grade));
        }
        if (!total.any_mark) {
            continue;
        }
        std::vector<report::Cell> row{p.is_year() ? std::string(w("год", "year")) : p.name};
        indicator_cells(row, total.tally);
        trend.table.rows.push_back(std::move(row));
    }
    report::Chart line;
    line.kind = report::Chart::Kind::line;
    line.title = w("Успеваемость и качество по периодам, %", "Pass rate and quality by period, %");
    line.category_column = 0;
    line.value_columns = {1, 2};
    line.value_axis = "%";
    trend.charts.push_back(line);
    doc.sections.push_back(std::move(trend));
    return doc;
}

}  // namespace schoolctl::app
