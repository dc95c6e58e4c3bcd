#include "app/sample/roster_text.h"

#include "app/sample/curriculum.h"
#include "formats/excel_csv.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace schoolctl::app::sample {
namespace {

std::string start(std::initializer_list<std::string_view> header) {
    std::string out(formats::utf8_bom);
    formats::append_excel_csv_row(out, header);
    return out;
}

std::string join(const std::vector<std::string>& items, const char* separator) {
    std::string out;
    for (const auto& s : items) {
        out += (out.empty() ? "" : separator) + s;
    }
    return out;
}

const std::string& staff_id(const TeachingLoad& load, int teacher) {
    return load
        .staff[static_cast<std::size_t>(load.teachers[static_cast<std::size_t>(teacher)].staff)]
        .id;
}

std::string group_name(const Roster& roster, int group) {
    return group < 0 ? std::string() : roster.groups[static_cast<std::size_t>(group)].name;
}

} // namespace

std::string subjects_csv() {
    std::string out = start({"Код", "Название", "Шкала"});
    for (const auto& s : subjects()) {
        formats::append_excel_csv_row(out, {s.code, s.name, s.scale});
    }
    return out;
}

std::string staff_csv(const TeachingLoad& load) {
    std::string out =
        start({"Идентификатор", "Фамилия", "Имя", "Отчество", "Должность", "Предметы"});
    for (const auto& s : load.staff) {
        formats::append_excel_csv_row(out, {s.id, s.name.last, s.name.first, s.name.middle,
                                            s.position, join(s.subjects, ",")});
    }
    return out;
}

std::string classes_csv(const Roster& roster, const TeachingLoad& load) {
    std::string out = start({"Класс", "Классный руководитель"});
    for (std::size_t c = 0; c < roster.classes.size(); ++c) {
        formats::append_excel_csv_row(
            out, {roster.classes[c].name, staff_id(load, load.class_teacher[c])});
    }
    return out;
}

std::string students_csv(const Roster& roster) {
    std::string out =
        start({"Идентификатор", "Фамилия", "Имя", "Отчество", "Дата рождения", "Класс"});
    for (const auto& p : roster.pupils) {
        formats::append_excel_csv_row(
            out, {p.id, p.name.last, p.name.first, p.name.middle, domain::format_ru(p.born),
                  roster.classes[static_cast<std::size_t>(p.klass)].name});
    }
    return out;
}

std::string guardians_csv(const Roster& roster) {
    std::string out =
        start({"Идентификатор", "Фамилия", "Имя", "Отчество", "Телефон", "Эл. почта", "Дети"});
    for (const auto& g : roster.guardians) {
        std::vector<std::string> children;
        for (int c : g.children) {
            children.push_back(roster.pupils[static_cast<std::size_t>(c)].id);
        }
        formats::append_excel_csv_row(out, {g.id, g.name.last, g.name.first, g.name.middle, g.phone,
                                            g.email, join(children, ",")});
    }
    return out;
}

std::string groups_csv(const Roster& roster) {
    std::string out = start({"Группа", "Класс", "Тип", "Ученики"});
    for (const auto& g : roster.groups) {
        std::vector<std::string> ids;
        for (int p : g.pupils) {
            ids.push_back(roster.pupils[static_cast<std::size_t>(p)].id);
        }
        formats::append_excel_csv_row(out, {g.name,
                                            roster.classes[static_cast<std::size_t>(g.klass)].name,
                                            "подгруппа", join(ids, ", ")});
    }
    return out;
}

std::string assignments_csv(const Roster& roster, const TeachingLoad& load,
                            const Timetable& timetable) {
    std::string out = start({"Учитель", "Предмет", "Класс", "Группа", "Роль"});
    for (std::size_t c = 0; c < roster.classes.size(); ++c) {
        formats::append_excel_csv_row(out, {staff_id(load, load.class_teacher[c]), "",
                                            roster.classes[c].name, "", "Классный руководитель"});
    }
    std::set<std::tuple<int, int, int, int>> seen; // teacher, subject, class, group
    for (const auto& r : timetable.rows) {
        if (seen.emplace(r.teacher, r.subject, r.klass, r.group).second) {
            formats::append_excel_csv_row(out,
                                          {staff_id(load, r.teacher),
                                           subjects()[static_cast<std::size_t>(r.subject)].code,
                                           roster.classes[static_cast<std::size_t>(r.klass)].name,
                                           group_name(roster, r.group), ""});
        }
    }
    return out;
}

std::string timetable_csv(const Roster& roster, const TeachingLoad& load,
                          const Timetable& timetable) {
    std::string out = start({"Класс", "Группа", "Предмет", "Учитель", "Кабинет", "День", "Урок",
                             "Периодичность", "С", "По"});
    for (const auto& r : timetable.rows) {
        formats::append_excel_csv_row(
            out,
            {roster.classes[static_cast<std::size_t>(r.klass)].name, group_name(roster, r.group),
             subjects()[static_cast<std::size_t>(r.subject)].code, staff_id(load, r.teacher),
             load.teachers[static_cast<std::size_t>(r.teacher)].room, std::to_string(r.day),
             std::to_string(r.lesson), r.periodicity, r.from, r.to});
    }
    return out;
}

report::Document students_document(const Roster& roster) {
    report::Document doc;
    doc.kind = "students";
    report::Section s;
    s.key = "students";
    s.table.columns = {{"Идентификатор", 14}, {"Фамилия", 18},       {"Имя", 14},
                       {"Отчество", 18},      {"Дата рождения", 14}, {"Класс", 8}};
    for (const auto& p : roster.pupils) {
        s.table.rows.push_back(
            {p.id, p.name.last, p.name.first,
             p.name.middle.empty() ? report::Cell{} : report::Cell{p.name.middle}, p.born,
             roster.classes[static_cast<std::size_t>(p.klass)].name});
    }
    doc.sections.push_back(std::move(s));
    return doc;
}

std::vector<std::string> rooms(const TeachingLoad& load) {
    std::vector<std::string> all;
    for (const auto& t : load.teachers) {
        if (!t.room.empty() && std::find(all.begin(), all.end(), t.room) == all.end()) {
            all.push_back(t.room);
        }
    }
    std::stable_sort(all.begin(), all.end(), [](const std::string& a, const std::string& b) {
        const bool da = !a.empty() && a[0] >= '0' && a[0] <= '9';
        const bool db = !b.empty() && b[0] >= '0' && b[0] <= '9';
        if (da != db) {
            return da;
        }
        return a.size() != b.size() && da ? a.size() < b.size() : a < b;
    });
    return all;
}

} // namespace schoolctl::app::sample
