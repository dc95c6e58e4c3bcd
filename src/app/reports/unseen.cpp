#include "app/reports/unseen.h"

#include <algorithm>
#include <map>

#include "app/class_select.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/receipts.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

std::string work_type_name(const domain::Settings& settings, const std::string& code) {
    for (const auto& type : settings.work_types) {
        if (type.code == code) {
            return type.name;
        }
    }
    return code;
}

struct PupilTally {
    const store::ClassPupil* pupil = nullptr;
    std::string guardians;  // «Абрамова Н. П., Абрамов Е. В.» or «—»
    std::int64_t marks = 0;
    std::int64_t remarks = 0;
};

}  // namespace

report::Document build_unseen_report(Session& session, const UnseenRequest& request) {
    ClassRef klass = select_class(session, request.class_name);
    domain::Target target = class_target(session, klass);
    session.require(domain::Permission::report_read, target, "class " + klass.name);
    session.require(domain::Permission::marks_read, target, "class " + klass.name);
    store::Database& db = session.db();
    std::string today = today_iso();
    auto year = store::current_year(db, session.school_id(), today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year");
    }
    std::string on = std::clamp(today, year->start_date, year->end_date);
    std::string from = request.from ? domain::format_iso(*request.from) : year->start_date;
    std::string to = request.to ? domain::format_iso(*request.to) : year->end_date;
    if (to < from) {
        throw Error(ExitCode::usage, "--from " + domain::format_ru(*domain::parse_date(from)) +
                                         " is after --to " +
                                         domain::format_ru(*domain::parse_date(to)));
    }

    auto pupils = store::class_pupils_on(db, klass.id, on);
    std::stable_sort(pupils.begin(), pupils.end(), [](const auto& a, const auto& b) {
        return domain::compare_names(a.name, b.name) < 0;
    });
    std::map<std::int64_t, PupilTally> tally;
    for (const auto& p : pupils) {
        tally[p.pupil_id].pupil = &p;
    }
    for (const auto& g : store::class_guardians_on(db, klass.id, on)) {
        auto& t = tally[g.pupil_id];
        t.guardians += (t.guardians.empty() ? "" : ", ") + domain::short_name(g.name);
    }
    auto items = store::unseen_items(db, klass.id, on, from, to);

    report::Document doc;
    doc.kind = "unseen";
    doc.title = "Не просмотрено родителями";
    doc.school = session.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.orientation = report::Orientation::landscape;
    doc.meta.push_back({"Класс", klass.name});
    doc.meta.push_back({"Даты", domain::format_ru(*domain::parse_date(from)) + "–" +
                                    domain::format_ru(*domain::parse_date(to))});
    doc.section_key_title = "Раздел";

    report::Section& list = doc.sections.emplace_back();
    list.key = klass.name;
    list.heading = "Отметки и замечания, которых не видел ни один законный представитель";
    list.table.columns = {{"Ученик", 28}, {"Дата", 11},   {"Предмет", 20},
                          {"Что", 10},    {"Запись", 34}, {"Законные представители", 30}};
    // Items come by pupil id; the list reads by name, as the class list does.
    std::map<std::int64_t, std::vector<const store::UnseenItem*>> by_pupil;
    for (const auto& item : items) {
        by_pupil[item.pupil_id].push_back(&item);
    }
    for (const auto& p : pupils) {
        auto& t = tally[p.pupil_id];
        for (const auto* item : by_pupil[p.pupil_id]) {
            bool mark = item->kind == "mark";
            (mark ? t.marks : t.remarks)++;
            list.table.rows.push_back(
                {domain::full_name(p.name), *domain::parse_date(item->date), item->subject_name,
                 mark ? "отметка" : "замечание",
                 mark ? item->text + " (" + work_type_name(session.settings(), item->work_type) +
                            ")"
                      : item->text,
                 t.guardians.empty() ? "—" : t.guardians});
        }
    }
    if (list.table.rows.empty()) {
        list.notes.push_back("Всё просмотрено.");
    }

    report::Section& counts = doc.sections.emplace_back();
    counts.key = klass.name + " итого";
    counts.heading = "По ученикам";
    counts.table.columns = {{"№", 4, report::Align::right},
                            {"Ученик", 30},
                            {"Отметок", 8, report::Align::right},
                            {"Замечаний", 10, report::Align::right},
                            {"Всего", 7, report::Align::right},
                            {"Законные представители", 30}};
    std::int64_t n = 0, all = 0;
    for (const auto& p : pupils) {
        const auto& t = tally[p.pupil_id];
        counts.table.rows.push_back({++n, domain::full_name(p.name), t.marks, t.remarks,
                                     t.marks + t.remarks,
                                     t.guardians.empty() ? "—" : t.guardians});
        all += t.marks + t.remarks;
    }
    counts.notes.push_back("Не просмотрено всего: " + std::to_string(all) + ".");
    return doc;
}

}  // namespace schoolctl::app
