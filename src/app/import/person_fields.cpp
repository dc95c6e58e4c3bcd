#include "app/import/person_fields.h"

#include "domain/date.h"
#include "domain/person_name.h"

namespace schoolctl::app {

std::vector<FieldSpec> person_field_specs(bool with_birth_date) {
    std::vector<FieldSpec> fields = {
        {"external_id", {"id", "Идентификатор", "ИД", "Код", "sourcedId"}, false},
        {"last_name", {"Фамилия", "surname", "family_name", "familyName"}, true},
        {"first_name", {"Имя", "given_name", "givenName"}, true},
        {"middle_name", {"Отчество", "patronymic", "middleName"}, false},
    };
    if (with_birth_date) {
        fields.push_back(
            {"birth_date", {"Дата рождения", "birthdate", "birthDate", "date_of_birth"}, false});
    }
    return fields;
}

std::variant<store::PersonFields, RowProblem> read_person(const RowCells& row,
                                                          const PersonColumns& c,
                                                          bool needs_birth_date_without_id) {
    store::PersonFields p;
    p.last_name = row[c.last_name];
    p.first_name = row[c.first_name];
    p.middle_name = row[c.middle_name];
    for (auto [field, value] : {std::pair{"last_name", &p.last_name},
                                std::pair{"first_name", &p.first_name},
                                std::pair{"middle_name", &p.middle_name}}) {
        if (value->empty()) {
            if (std::string_view(field) != "middle_name") {
                return RowProblem{field, "is empty"};
            }
            continue;
        }
        if (auto problem = domain::name_problem(*value)) {
            return RowProblem{field, "\"" + *value + "\" " + *problem};
        }
    }
    std::string id = row[c.external_id];
    if (!id.empty()) {
        p.external_id = id;
    }
    if (c.birth_date) {
        std::string born = row[*c.birth_date];
        // A workbook's date cell formatted with a time reads "2015-10-06 00:00:00".
        if (born.size() == 19 && born.ends_with(" 00:00:00")) {
            born.resize(10);
        }
        if (!born.empty()) {
            auto date = domain::parse_date(born);
            if (!date) {
                return RowProblem{"birth_date", "\"" + born +
                                                    "\" is not a date (expected DD.MM.YYYY or "
                                                    "YYYY-MM-DD)"};
            }
            p.birth_date = domain::format_iso(*date);
        } else if (!p.external_id && needs_birth_date_without_id) {
            return RowProblem{"birth_date",
                              "is empty; without an id column the birth date tells namesakes "
                              "apart"};
        }
    }
    p.match_key = domain::match_key(display_name(p));
    return p;
}

void keep_unread_fields(const RowCells& row, const PersonColumns& c,
                        const store::PersonFields& stored, store::PersonFields& p) {
    if (!p.external_id) {
        p.external_id = stored.external_id;
    }
    if (!row.has_column(c.middle_name)) {
        p.middle_name = stored.middle_name;
    }
    if (!c.birth_date || !row.has_column(*c.birth_date) || !p.birth_date) {
        p.birth_date = p.birth_date ? p.birth_date : stored.birth_date;
    }
    p.match_key = domain::match_key(display_name(p));
}

nlohmann::json person_json(const store::PersonFields& p) {
    return {{"last_name", p.last_name},
            {"first_name", p.first_name},
            {"middle_name", p.middle_name},
            {"birth_date", p.birth_date.value_or("")},
            {"external_id", p.external_id.value_or("")}};
}

nlohmann::json changed_fields(const nlohmann::json& before, const nlohmann::json& after) {
    nlohmann::json changes = nlohmann::json::object();
    for (auto it = after.begin(); it != after.end(); ++it) {
        nlohmann::json old = before.value(it.key(), nlohmann::json());
        if (old != it.value()) {
            changes[it.key()] = {old, it.value()};
        }
    }
    return changes;
}

nlohmann::json creation_details(nlohmann::json created, std::string source) {
    nlohmann::json details = nlohmann::json::object();
    details["new"] = std::move(created);
    details["source"] = std::move(source);
    return details;
}

std::optional<RowProblem> id_of_another_kind(ImportRun& run,
                                             const std::optional<std::string>& external_id) {
    if (!external_id) {
        return std::nullopt;
    }
    auto other = store::find_person_by_external_id(run.db(), run.session.school_id(), *external_id);
    if (!other) {
        return std::nullopt;
    }
    return RowProblem{"external_id", "\"" + *external_id + "\" is the id of " +
                                         other->role_text() + ", " + other->full_name};
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find_first_of(",;", start);
        if (end == std::string::npos) {
            end = text.size();
        }
        std::string item = domain::normalise_spaces(text.substr(start, end - start));
        if (!item.empty()) {
            out.push_back(std::move(item));
        }
        start = end + 1;
    }
    return out;
}

std::string display_name(const store::PersonFields& p) {
    return domain::full_name({p.last_name, p.first_name, p.middle_name});
}

template <class Visit>
void KeyFilter::for_each_bit(std::string_view key, Visit visit) {
    const std::uint64_t h = std::hash<std::string_view>{}(key);
    const std::uint64_t step = (h >> 32 | h << 32) | 1;  // double hashing: h + i * step
    for (int i = 0; i < probes; ++i) {
        visit(static_cast<std::size_t>((h + static_cast<std::uint64_t>(i) * step) % bit_count));
    }
}

void KeyFilter::add(std::string_view key) {
    for_each_bit(key, [this](std::size_t bit) { bits_[bit / 64] |= std::uint64_t{1} << (bit % 64); });
}

bool KeyFilter::may_contain(std::string_view key) const {
    bool all = true;
    for_each_bit(key, [&](std::size_t bit) {
        all = all && ((bits_[bit / 64] >> (bit % 64)) & 1) != 0;
    });
    return all;
}

std::string joined_key(std::string_view match_key, std::optional<std::string_view> second) {
    // Two pairs that join to the same text only cost a needless lookup.
    std::string key(match_key);
    key += '\0';
    key += second.value_or("-");
    return key;
}

}  // namespace schoolctl::app
