#include "app/reports/class_list.h"

#include <algorithm>
#include <map>

#include "app/class_select.h"
#include "domain/class_name.h"
#include "domain/collation.h"
#include "domain/person_name.h"
#include "store/pupils.h"
#include "store/schools.h"
#include "util/clock.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

report::Table make_table(bool with_birth_dates) {
    report::Table table;
    table.columns = {{"№", 4, report::Align::right},
                     {"Фамилия", 22, report::Align::left},
                     {"Имя", 16, report::Align::left},
                     {"Отчество", 20, report::Align::left}};
    if (with_birth_dates) {
        table.columns.push_back({"Дата рождения", 14, report::Align::center});
    }
    return table;
}

}  // namespace

report::Document build_class_list(Session& s, const ClassListRequest& request) {
    // One class is enough reach for its class teacher; the whole school needs the school.
    if (request.class_name && !s.allowed(domain::Permission::report_read)) {
        ClassRef klass = select_class(s, *request.class_name);
        s.require(domain::Permission::report_read, class_target(s, klass), "class " + klass.name);
    } else {
        s.require(domain::Permission::report_read);
    }
    std::optional<int> grade;
    std::optional<std::string> letter;
    if (request.class_name) {
        auto parsed = domain::parse_class_name(*request.class_name);
        if (auto* reason = std::get_if<std::string>(&parsed)) {
            throw Error(ExitCode::usage, "--class \"" + *request.class_name + "\": " + *reason);
        }
        grade = std::get<domain::ClassName>(parsed).grade;
        letter = std::get<domain::ClassName>(parsed).letter;
    }
    std::string today = today_iso();
    auto year = store::current_year(s.db(), s.school_id(), today);
    if (!year) {
        throw Error(ExitCode::config, "the school has no academic year");
    }
    std::string on = std::clamp(today, year->start_date, year->end_date);
    auto rows = store::class_list(s.db(), year->id, on, grade, letter);
    if (rows.empty() && request.class_name) {
        throw Error(ExitCode::data, "class " + *request.class_name + " has no pupils in " +
                                        year->name + " (or does not exist)");
    }
    if (rows.empty()) {
        throw Error(ExitCode::data, "no pupils in " + year->name +
                                        ": import them with `schoolctl import students FILE`");
    }

    domain::RussianCollator collator;
    std::stable_sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
        if (a.grade != b.grade) {
            return a.grade < b.grade;
        }
        if (a.letter != b.letter) {
            return collator.less(a.letter, b.letter);
        }
        return domain::compare_names({a.person.last_name, a.person.first_name, a.person.middle_name},
                                     {b.person.last_name, b.person.first_name,
                                      b.person.middle_name}) < 0;
    });

    report::Document doc;
    doc.kind = "class-list";
    doc.title = "Список класса";
    doc.school = s.school_name();
    doc.generated = format_moscow(now_seconds());
    doc.meta = {{"Учебный год", year->name},
                {"На дату", domain::format_ru(*domain::parse_date(on))}};
    doc.section_key_title = "Класс";
    for (const auto& r : rows) {
        std::string key = std::to_string(r.grade) + r.letter;
        if (doc.sections.empty() || doc.sections.back().key != key) {
            report::Section section;
            section.key = key;
            section.heading = "Класс " + key;
            if (!r.class_teacher.empty()) {
                section.meta.push_back({"Классный руководитель", r.class_teacher});
            }
            section.table = make_table(request.with_birth_dates);
            doc.sections.push_back(std::move(section));
        }
        auto& table = doc.sections.back().table;
        std::vector<report::Cell> row = {static_cast<std::int64_t>(table.rows.size() + 1),
                                         r.person.last_name, r.person.first_name,
                                         r.person.middle_name};
        if (request.with_birth_dates) {
            auto born = r.person.birth_date ? domain::parse_date(*r.person.birth_date)
                                            : std::nullopt;
            row.push_back(born ? report::Cell(*born) : report::Cell());
        }
        table.rows.push_back(std::move(row));
    }
    for (auto& section : doc.sections) {
        section.notes.push_back("Всего учащихся: " + std::to_string(section.table.rows.size()));
    }
    return doc;
}

}  // namespace schoolctl::app
