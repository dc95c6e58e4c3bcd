#include "app/import/student_rows.h"

#include <map>

#include "domain/date.h"
#include "domain/person_name.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { external_id, last_name, first_name, middle_name, birth_date, class_ };

std::string cell(const formats::CsvRecord& r, const ColumnMap& map, Field f) {
    auto col = map.column(f);
    return col && *col < r.fields.size() ? domain::normalise_spaces(r.fields[*col]) : std::string();
}

// The first problem of a row, as (field, reason); a row is rejected for its first problem so
// the message stays readable, and every row is still checked.
std::optional<std::pair<std::string, std::string>> check_row(const formats::CsvRecord& r,
                                                             std::size_t header_size,
                                                             const ColumnMap& map,
                                                             StudentRow& out) {
    if (r.fields.size() != header_size) {
        return std::pair{std::string("row"), "has " + std::to_string(r.fields.size()) +
                                                 " fields, the header has " +
                                                 std::to_string(header_size)};
    }
    out.line = r.line;
    out.original = r.fields;
    auto& p = out.person;
    p.last_name = cell(r, map, last_name);
    p.first_name = cell(r, map, first_name);
    p.middle_name = cell(r, map, middle_name);
    for (auto [field, value] : {std::pair{"last_name", &p.last_name},
                                std::pair{"first_name", &p.first_name},
                                std::pair{"middle_name", &p.middle_name}}) {
        if (value->empty()) {
            if (std::string_view(field) != "middle_name") {
                return std::pair{std::string(field), std::string("is empty")};
            }
            continue;
        }
        if (auto problem = domain::name_problem(*value)) {
            return std::pair{std::string(field), "\"" + *value + "\" " + *problem};
        }
    }
    std::string id = cell(r, map, external_id);
    p.external_id = id.empty() ? std::nullopt : std::optional(id);
    std::string born = cell(r, map, birth_date);
    if (!born.empty()) {
        auto date = domain::parse_date(born);
        if (!date) {
            return std::pair{std::string("birth_date"),
                             "\"" + born + "\" is not a date (expected DD.MM.YYYY or YYYY-MM-DD)"};
        }
        p.birth_date = domain::format_iso(*date);
    } else if (!p.external_id) {
        return std::pair{std::string("birth_date"),
                         std::string("is empty; without an id column the birth date tells "
                                     "namesakes apart")};
    }
    std::string klass = cell(r, map, class_);
    if (klass.empty()) {
        return std::pair{std::string("class"), std::string("is empty")};
    }
    auto parsed = domain::parse_class_name(klass);
    if (auto* reason = std::get_if<std::string>(&parsed)) {
        return std::pair{std::string("class"), "\"" + klass + "\": " + *reason};
    }
    out.class_name = std::get<domain::ClassName>(parsed);
    p.match_key = domain::match_key(domain::full_name({p.last_name, p.first_name, p.middle_name}));
    return std::nullopt;
}

std::string natural_key(const store::PersonFields& p) {
    return p.external_id ? "id:" + *p.external_id
                         : "name:" + p.match_key + "|" + p.birth_date.value_or("");
}

}  // namespace

const std::vector<FieldSpec>& student_fields() {
    static const std::vector<FieldSpec> fields = {
        {"external_id", {"id", "Идентификатор", "ИД", "sourcedId"}, false},
        {"last_name", {"Фамилия", "surname", "family_name", "familyName"}, true},
        {"first_name", {"Имя", "given_name", "givenName"}, true},
        {"middle_name", {"Отчество", "patronymic", "middleName"}, false},
        {"birth_date", {"Дата рождения", "birthdate", "birthDate", "date_of_birth"}, false},
        {"class", {"Класс", "class_name", "grade_class"}, true},
    };
    return fields;
}

void validate_student_rows(const formats::CsvTable& table, const ColumnMap& columns,
                           std::vector<StudentRow>& rows, std::vector<RowReject>& rejects) {
    std::map<std::string, std::size_t> seen;  // key -> line of its first occurrence
    for (const auto& record : table.records) {
        StudentRow row;
        auto problem = check_row(record, table.header.size(), columns, row);
        if (!problem) {
            auto [it, fresh] = seen.emplace(natural_key(row.person), record.line);
            if (!fresh) {
                problem = std::pair{row.person.external_id ? std::string("external_id")
                                                           : std::string("last_name"),
                                    "the same pupil as line " + std::to_string(it->second)};
            }
        }
        if (problem) {
            rejects.push_back({record.line, problem->first, problem->second, record.fields});
        } else {
            rows.push_back(std::move(row));
        }
    }
}

}  // namespace schoolctl::app
