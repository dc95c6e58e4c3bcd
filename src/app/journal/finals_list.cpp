#include "app/journal/finals_list.h"

#include <algorithm>
#include <map>
#include <set>

#include "app/class_select.h"
#include "app/journal/finals_period.h"
#include "domain/collation.h"
#include "domain/grading.h"
#include "store/final_marks.h"
#include "store/subjects.h"
#include "util/clock.h"

namespace schoolctl::app {

report::Document list_final_marks(Session& session, const FinalsListRequest& request) {
    PeriodChoice period = select_period(session, request.period, true);
    ClassRef klass = select_class(session, request.klass);
    session.require(domain::Permission::marks_read, class_target(session, klass),
                    "class " + klass.name);
    store::Database& db = session.db();
    store::FinalsScope scope;
    scope.class_id = klass.id;
    auto pupils = store::period_pupils(db, period.year_id, domain::format_iso(period.dates.start),
                                       domain::format_iso(period.dates.end), scope);
    std::stable_sort(pupils.begin(), pupils.end(), [](const auto& a, const auto& b) {
        return domain::compare_names(a.name, b.name) < 0;
    });
    std::map<std::int64_t, std::size_t> row_of;
    for (std::size_t i = 0; i < pupils.size(); ++i) {
        row_of[pupils[i].pupil_id] = i;
    }
    std::map<std::pair<std::int64_t, std::int64_t>, std::string> cells;  // pupil, subject
    std::set<std::int64_t> subject_ids;
    bool any_override = false;
    // A grade taught without marks has none to list, whatever an older computation left.
    const bool unmarked = domain::taught_without_marks(session.settings(), klass.grade);
    for (const auto& row : store::final_marks_of(db, period.year_id, period.code)) {
        if (unmarked || row_of.count(row.key.pupil_id) == 0 || row.final_value.empty()) {
            continue;
        }
        subject_ids.insert(row.key.subject_id);
        // Every exam mark is the teacher's: only a mark set instead of a computed one is starred.
        const bool overridden = row.override_value.has_value() && !period.is_exam();
        cells[{row.key.pupil_id, row.key.subject_id}] = row.final_value + (overridden ? "*" : "");
        any_override = any_override || overridden;
    }
    auto subjects = store::list_subjects(db, session.school_id());
    std::sort(subjects.begin(), subjects.end(),
              [](const auto& a, const auto& b) { return a.id < b.id; });
    std::erase_if(subjects, [&](const auto& s) { return subject_ids.count(s.id) == 0; });

    report::Document doc;
    doc.kind = "finals";
    doc.title = period.is_year()    ? "Годовые отметки"
                : period.is_exam()  ? "Экзаменационные отметки"
                : period.is_final() ? "Итоговые отметки"
                                    : "Отметки за период";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.orientation = subjects.size() > 8 ? report::Orientation::landscape
                                          : report::Orientation::portrait;
    doc.meta.push_back({"Учебный год", period.year_name});
    doc.meta.push_back({"Период", period.of_whole_year()
                                      ? period.name
                                      : period.code + " «" + period.name + "», " +
                                            domain::format_ru(period.dates.start) + "–" +
                                            domain::format_ru(period.dates.end)});
    doc.section_key_title = "Класс";
    report::Section& section = doc.sections.emplace_back();
    section.key = klass.name;
    section.heading = "Класс " + klass.name;
    section.table.columns = {{"№", 4, report::Align::right}, {"Ученик", 30}};
    for (const auto& s : subjects) {
        section.table.columns.push_back({s.code, 6, report::Align::center});
    }
    for (std::size_t i = 0; i < pupils.size(); ++i) {
        std::vector<report::Cell> row{static_cast<std::int64_t>(i + 1),
                                      domain::full_name(pupils[i].name)};
        for (const auto& s : subjects) {
            auto it = cells.find({pupils[i].pupil_id, s.id});
            row.emplace_back(it == cells.end() ? report::Cell{} : report::Cell{it->second});
        }
        section.table.rows.push_back(std::move(row));
    }
    if (unmarked) {
        section.notes.push_back(std::to_string(klass.grade) +
                                " класс обучается без отметок (безотметочное обучение, "
                                "marks.unmarked_grades): отметок за периоды и год нет.");
    } else if (subjects.empty() && period.is_exam()) {
        section.notes.push_back("Экзаменационных отметок нет: их выставляет учитель, "
                                "`schoolctl finals set --period exam`.");
    } else if (subjects.empty()) {
        section.notes.push_back((period.of_whole_year() ? doc.title
                                                        : "Отметки за " + period.code) +
                                " не вычислены: `schoolctl finals compute --period " +
                                period.code + "`.");
    }
    if (any_override) {
        section.notes.push_back("* — отметка, выставленная учителем вместо вычисленной.");
    }
    return doc;
}

}  // namespace schoolctl::app
