#include "app/import/guardians.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/import/person_fields.h"
#include "store/guardians.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t {
    external_id,
    last_name,
    first_name,
    middle_name,
    phone,
    email,
    children,
    family,
    relation
};
const PersonColumns person_columns{external_id, last_name, first_name, middle_name, std::nullopt};

// +7 (916) 123-45-67, 8 916 123 45 67 and 89161234567 are one number: +79161234567.
std::optional<std::string> normalise_phone(const std::string& text) {
    std::string digits;
    for (char c : text) {
        if (c >= '0' && c <= '9') {
            digits += c;
        } else if (c != '+' && c != ' ' && c != '-' && c != '(' && c != ')') {
            return std::nullopt;
        }
    }
    if (digits.size() == 11 && (digits[0] == '8' || digits[0] == '7')) {
        return "+7" + digits.substr(1);
    }
    if (digits.size() == 10 && digits[0] == '9') {
        return "+7" + digits;
    }
    if (digits.size() >= 10 && digits.size() <= 15 && text.find('+') == 0) {
        return "+" + digits;  // a foreign number, kept as given
    }
    return std::nullopt;
}

bool plausible_email(const std::string& text) {
    auto at = text.find('@');
    return at != std::string::npos && at > 0 && text.find('@', at + 1) == std::string::npos &&
           text.find('.', at) != std::string::npos && text.find(' ') == std::string::npos &&
           text.back() != '.';
}

// The name keys of the school's guardians, and of those among them without an id: what a row
// can be matched by name to (a row with an id only to a guardian without one). Most rows match
// nobody by name, and the filters say so without the lookup.
class GuardianNameFilter {
public:
    // Loads the stored guardians' keys the first time it is asked.
    bool may_match(ImportRun& run, const store::PersonFields& p) {
        if (!loaded_) {
            store::for_each_guardian_name_key(run.db(), run.session.school_id(),
                                              [this](std::string_view key, bool has_id) {
                                                  add(key, has_id);
                                              });
            loaded_ = true;
        }
        return (p.external_id ? without_id_ : all_).may_contain(p.match_key);
    }

    void add(const store::PersonFields& p) { add(p.match_key, p.external_id.has_value()); }

private:
    void add(std::string_view key, bool has_id) {
        all_.add(key);
        if (!has_id) {
            without_id_.add(key);
        }
    }

    KeyFilter all_;
    KeyFilter without_id_;
    bool loaded_ = false;
};

class GuardianImporter final : public RowImporter {
public:
    std::string kind() const override { return "guardians"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = [] {
            auto f = person_field_specs(false);
            f.push_back({"phone", {"Телефон", "Мобильный телефон", "phone_number"}, false});
            f.push_back({"email", {"Эл. почта", "Электронная почта", "E-mail", "mail"}, false});
            f.push_back({"children",
                         {"Дети", "Ребёнок", "Ученики", "children_ids", "agentSourcedIds"},
                         false});
            f.push_back({"family", {"Семья", "Код семьи", "family_key"}, false});
            f.push_back({"relation", {"Кем приходится", "Степень родства", "relationship"},
                         false});
            return f;
        }();
        return specs;
    }

    // Every check (fields, children, match) comes before the first write.
    bool checks_before_writing() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        auto person = read_person(row, person_columns, false);
        if (auto* problem = std::get_if<RowProblem>(&person)) {
            return *problem;
        }
        auto& p = std::get<store::PersonFields>(person);
        std::string phone_text = row[phone];
        std::string phone_value;
        if (!phone_text.empty()) {
            auto normal = normalise_phone(phone_text);
            if (!normal) {
                return RowProblem{"phone", "\"" + phone_text +
                                               "\" is not a phone number (+7 916 123-45-67)"};
            }
            phone_value = *normal;
        }
        std::string email_value = row[email];
        if (!email_value.empty() && !plausible_email(email_value)) {
            return RowProblem{"email", "\"" + email_value + "\" is not an e-mail address"};
        }
        std::vector<std::int64_t> kids;
        if (auto problem = find_children(run, row, kids)) {
            return *problem;
        }
        std::optional<store::GuardianRow> existing;
        if (auto problem = match(run, row, p, kids, existing)) {
            return *problem;
        }
        report_shared_contacts(run, row, p, phone_value, email_value, existing);
        std::string rel = row[relation];
        RowAction action = RowAction::unchanged;
        std::int64_t id = 0;
        if (!existing) {
            id = store::insert_guardian(run.db(), run.session.school_id(), p, phone_value,
                                        email_value, run.now);
            names_.add(p);
            run.claim(id, row.line());
            run.session.audit("guardian.create", "guardian", std::to_string(id),
                              creation_details(guardian_json(p, phone_value, email_value),
                                               run.source(row.line())));
            action = RowAction::created;
        } else {
            id = existing->person_id;
            keep_unread_fields(row, person_columns, existing->person, p);
            if (!row.has_column(phone)) {
                phone_value = existing->phone;
            }
            if (!row.has_column(email)) {
                email_value = existing->email;
            }
            auto before = guardian_json(existing->person, existing->phone, existing->email);
            auto after = guardian_json(p, phone_value, email_value);
            nlohmann::json changes = changed_fields(before, after);
            if (!changes.empty()) {
                store::update_person(run.db(), id, p, run.now);
                names_.add(p);
                store::update_guardian_contact(run.db(), id, phone_value, email_value);
                run.session.audit("guardian.update", "guardian", std::to_string(id),
                                  {{"changes", changes}, {"source", run.source(row.line())}});
                action = RowAction::updated;
            }
        }
        auto linked = existing ? store::children_of(run.db(), id) : std::vector<std::int64_t>();
        for (std::int64_t kid : kids) {
            if (std::find(linked.begin(), linked.end(), kid) != linked.end()) {
                continue;
            }
            store::link_guardian(run.db(), id, kid, rel);
            run.session.audit("guardian.link", "guardian", std::to_string(id),
                              {{"pupil_id", kid},
                               {"relation", rel},
                               {"source", run.source(row.line())}});
            run.summary.add_also("guardian links");
            if (action == RowAction::unchanged) {
                action = RowAction::updated;
            }
        }
        return action;
    }

private:
    static nlohmann::json guardian_json(const store::PersonFields& p, const std::string& phone,
                                        const std::string& email) {
        nlohmann::json j = person_json(p);
        j.erase("birth_date");  // a guardians file has none
        j["phone"] = phone;
        j["email"] = email;
        return j;
    }

    static std::optional<RowProblem> find_children(ImportRun& run, const RowCells& row,
                                                   std::vector<std::int64_t>& kids) {
        std::int64_t school = run.session.school_id();
        for (const auto& id : split_list(row[children])) {
            auto pupil = store::find_pupil_id(run.db(), school, id);
            if (!pupil) {
                return RowProblem{"children", "\"" + id + "\" is not the id of a pupil (import "
                                                          "the pupils first)"};
            }
            kids.push_back(*pupil);
        }
        std::string key = row[family];
        if (!key.empty()) {
            auto family_kids = store::pupils_of_family(run.db(), school, key);
            if (family_kids.empty()) {
                return RowProblem{"family", "no pupil has the family key \"" + key + "\""};
            }
            kids.insert(kids.end(), family_kids.begin(), family_kids.end());
        }
        if (kids.empty()) {
            return RowProblem{row.has_column(children) ? "children" : "family",
                              "names no child: give the children's ids or a family key"};
        }
        std::sort(kids.begin(), kids.end());
        kids.erase(std::unique(kids.begin(), kids.end()), kids.end());
        return std::nullopt;
    }

    // By id, else by name among the guardians of the same children: two «Иванова Елена»
    // in one school are common, two with the same child are one person.
    std::optional<RowProblem> match(ImportRun& run, const RowCells& row,
                                    const store::PersonFields& p,
                                    const std::vector<std::int64_t>& kids,
                                    std::optional<store::GuardianRow>& existing) {
        std::int64_t school = run.session.school_id();
        if (p.external_id) {
            existing = store::find_guardian_by_external_id(run.db(), school, *p.external_id);
            if (!existing) {
                if (auto problem = id_of_another_kind(run, p.external_id)) {
                    return problem;
                }
            }
        }
        // A guardian first loaded without an id is found by name among the guardians of the
        // same children, and takes the id now given.
        if (!existing && names_.may_match(run, p)) {
            for (auto& g : store::find_guardians_by_name(run.db(), school, p.match_key)) {
                if (p.external_id && g.person.external_id) {
                    continue;  // two ids: two people, whatever children they share
                }
                auto theirs = store::children_of(run.db(), g.person_id);
                bool shared = std::any_of(kids.begin(), kids.end(), [&](std::int64_t k) {
                    return std::find(theirs.begin(), theirs.end(), k) != theirs.end();
                });
                if (shared) {
                    existing = g;
                    break;
                }
            }
        }
        if (existing) {
            if (auto first = run.claim(existing->person_id, row.line())) {
                return RowProblem{p.external_id ? "external_id" : "last_name",
                                  "the same guardian as line " + std::to_string(*first)};
            }
        }
        return std::nullopt;
    }

    static void report_shared_contacts(ImportRun& run, const RowCells& row,
                                       const store::PersonFields& p, const std::string& phone,
                                       const std::string& mail,
                                       const std::optional<store::GuardianRow>& existing) {
        if (phone.empty() && mail.empty()) {
            return;
        }
        for (const auto& g : store::find_guardians_by_contact(run.db(), run.session.school_id(),
                                                              phone, mail)) {
            if (existing && g.person_id == existing->person_id) {
                continue;
            }
            bool same_phone = !phone.empty() && g.phone == phone;
            run.warn(row.line(), "«" + display_name(p) + "» shares " +
                                     (same_phone ? "the phone " + phone : "the e-mail " + mail) +
                                     " with guardian «" + display_name(g.person) + "»" +
                                     (g.person.external_id ? " (" + *g.person.external_id + ")"
                                                           : std::string()) +
                                     "; they were not merged or linked by it");
        }
    }

    GuardianNameFilter names_;
};

}  // namespace

std::unique_ptr<RowImporter> make_guardian_importer() {
    return std::make_unique<GuardianImporter>();
}

}  // namespace schoolctl::app
