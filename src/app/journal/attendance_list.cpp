#include "app/journal/attendance_list.h"

#include <algorithm>
#include <map>

#include "app/class_select.h"
#include "app/journal/attendance_entry.h"
#include "app/journal/journal_context.h"
#include "app/journal/pupil_select.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/access_scope.h"
#include "store/attendance.h"
#include "store/pupil_lookup.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

using domain::Absence;
using report::Align;
using report::Cell;

struct Totals {
    std::int64_t missed = 0, ill = 0, excused = 0, unexcused = 0, days = 0, late = 0;

    void add(Absence a) {
        switch (a) {
        case Absence::ill: ++ill; break;
        case Absence::excused: ++excused; break;
        case Absence::unexcused: ++unexcused; break;
        case Absence::late: ++late; return;
        }
        ++missed;
    }
    void add(const Totals& t) {
        missed += t.missed;
        ill += t.ill;
        excused += t.excused;
        unexcused += t.unexcused;
        days += t.days;
        late += t.late;
    }
};

domain::DateRange resolve_range(const JournalContext& journal, const AttendanceQuery& q) {
    if (q.period && (q.from || q.to)) {
        throw Error(ExitCode::usage, "give --period or --from/--to, not both");
    }
    const auto& year = journal.calendar().year;
    domain::DateRange range = year.dates;
    if (q.period) {
        std::string codes;
        for (const auto& p : year.periods) {
            if (domain::match_key(p.code) == domain::match_key(*q.period)) {
                return p.dates;
            }
            codes += (codes.empty() ? "" : ", ") + p.code;
        }
        throw Error(ExitCode::usage, "--period \"" + *q.period + "\" is not a period of " +
                                         year.name + " (" + codes + ")");
    }
    range.start = q.from.value_or(range.start);
    range.end = q.to.value_or(range.end);
    if (range.end < range.start) {
        throw Error(ExitCode::usage, "--from " + domain::format_ru(range.start) +
                                         " is after --to " + domain::format_ru(range.end));
    }
    return range;
}

std::string period_text(const JournalContext& journal, const domain::DateRange& range) {
    for (const auto& p : journal.calendar().year.periods) {
        if (p.dates.start == range.start && p.dates.end == range.end) {
            return p.name + " (" + date_range_text(range) + ")";
        }
    }
    return date_range_text(range);
}

std::vector<report::Column> entry_columns() {
    return {{"Дата", 11, Align::center}, {"Урок", 5, Align::right},  {"Предмет", 18, Align::left},
            {"Ученик", 26, Align::left},  {"Отметка", 8, Align::center},
            {"Минуты", 7, Align::right}, {"Примечание", 24, Align::left}};
}

std::vector<report::Column> total_columns(bool with_days) {
    std::vector<report::Column> c = {{"Ученик", 26, Align::left},
                                     {"Пропущено уроков", 10, Align::right},
                                     {"по болезни", 10, Align::right},
                                     {"по уважительной причине", 12, Align::right},
                                     {"без уважительной причины", 12, Align::right}};
    if (with_days) {
        c.push_back({"Пропущено дней", 10, Align::right});
    }
    c.push_back({"Опозданий", 10, Align::right});
    return c;
}

std::vector<Cell> total_row(const std::string& who, const Totals& t, bool with_days) {
    std::vector<Cell> row = {who, t.missed, t.ill, t.excused, t.unexcused};
    if (with_days) {
        row.emplace_back(t.days);
    }
    row.emplace_back(t.late);
    return row;
}

}  // namespace

report::Document attendance_list(Session& s, const AttendanceQuery& q) {
    if (q.pupil.has_value() == q.class_name.has_value()) {
        throw Error(ExitCode::usage, "give --pupil or --class (one of them)");
    }
    const domain::Date today = today_moscow();
    JournalContext journal(s, q.from.value_or(today));
    const domain::DateRange range = resolve_range(journal, q);
    const std::string from = domain::format_iso(range.start), to = domain::format_iso(range.end);
    const store::SubjectRow* subject = q.subject ? &journal.subject(*q.subject, "--subject")
                                                 : nullptr;

    report::Document doc;
    doc.kind = "attendance";
    doc.title = "Посещаемость";
    doc.school = s.school_name();
    doc.generated = format_moscow(now_seconds());
    domain::Target target;
    std::string what;
    std::vector<store::AttendanceEntry> entries;
    if (q.pupil) {
        PupilRef p = select_pupil(s, *q.pupil);
        target = store::pupil_target(s.db(), p.person_id, domain::format_iso(today));
        what = "pupil " + p.short_name;
        doc.meta.push_back({"Ученик", p.name + (p.class_name.empty() ? "" : ", " + p.class_name)});
        entries = store::pupil_attendance(s.db(), p.person_id, from, to);
    } else {
        ClassRef c = select_class(s, *q.class_name);
        target = class_target(s, c);
        what = "class " + c.name;
        doc.meta.push_back({"Класс", c.name});
        entries = store::class_attendance(s.db(), c.id, from, to);
    }
    if (subject != nullptr) {
        target.subject_id = subject->id;
        what = subject->code + " in " + what;
        doc.meta.push_back({"Предмет", subject->name});
        std::erase_if(entries, [&](const auto& e) { return e.subject_id != subject->id; });
    }
    s.require(domain::Permission::attendance_read, target, what);
    doc.meta.push_back({"Период", period_text(journal, range)});

    std::map<std::int64_t, domain::PersonName> names;
    for (const auto& e : entries) {
        if (!names.contains(e.row.pupil_id)) {
            auto match = store::find_pupil_match(s.db(), s.school_id(), e.row.pupil_id);
            names[e.row.pupil_id] = match ? match->name : domain::PersonName{"?", "?", ""};
        }
    }
    std::stable_sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) {
        if (a.date != b.date || a.lesson_no != b.lesson_no) {
            return std::tie(a.date, a.lesson_no) < std::tie(b.date, b.lesson_no);
        }
        return domain::compare_names(names[a.row.pupil_id], names[b.row.pupil_id]) < 0;
    });

    const auto& labels = s.settings().absence_labels;
    report::Section list;
    list.key = "Пропуски";
    list.heading = "Пропуски и опоздания";
    list.table.columns = entry_columns();
    std::map<std::int64_t, Totals> totals;
    std::map<std::pair<std::int64_t, std::string>, std::int64_t> missed_on;  // (pupil, date)
    for (const auto& e : entries) {
        auto absence = domain::absence_from_name(e.row.code);
        if (!absence) {
            continue;  // the schema allows only the four codes
        }
        totals[e.row.pupil_id].add(*absence);
        if (domain::is_missed(*absence)) {
            ++missed_on[{e.row.pupil_id, e.date}];
        }
        list.table.rows.push_back(
            {*domain::parse_date(e.date), static_cast<std::int64_t>(e.lesson_no),
             e.subject_name, domain::short_name(names[e.row.pupil_id]),
             attendance_label(absence, labels),
             e.row.minutes_late ? Cell(static_cast<std::int64_t>(*e.row.minutes_late)) : Cell(),
             e.row.note});
    }
    if (list.table.rows.empty()) {
        list.notes.push_back("Пропусков и опозданий нет.");
    }
    // A missed day needs all of the pupil's lessons that day: it means nothing for one subject.
    const bool with_days = subject == nullptr;
    if (with_days) {
        for (const auto& [key, missed] : missed_on) {
            auto day = journal.lessons().day_of(key.first, *domain::parse_date(key.second));
            if (!day.empty() && missed >= static_cast<std::int64_t>(day.size())) {
                ++totals[key.first].days;
            }
        }
    }
    report::Section sums;
    sums.key = "Итого";
    sums.heading = "Итого по ученикам";
    sums.table.columns = total_columns(with_days);
    std::vector<std::int64_t> pupils;
    for (const auto& [pupil, t] : totals) {
        pupils.push_back(pupil);
    }
    std::stable_sort(pupils.begin(), pupils.end(), [&](std::int64_t a, std::int64_t b) {
        return domain::compare_names(names[a], names[b]) < 0;
    });
    Totals all;
    for (std::int64_t p : pupils) {
        sums.table.rows.push_back(total_row(domain::full_name(names[p]), totals[p], with_days));
        all.add(totals[p]);
    }
    if (q.class_name && !pupils.empty()) {
        sums.table.rows.push_back(total_row("Всего", all, with_days));
    }
    doc.sections.push_back(std::move(list));
    doc.sections.push_back(std::move(sums));
    return doc;
}

}  // namespace schoolctl::app
