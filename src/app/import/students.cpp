#include "app/import/students.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/import/class_resolver.h"
#include "app/import/person_fields.h"
#include "app/import/roster_links.h"
#include "store/pupils.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t {
    external_id,
    last_name,
    first_name,
    middle_name,
    birth_date,
    class_,
    family
};
const PersonColumns person_columns{external_id, last_name, first_name, middle_name, birth_date};

nlohmann::json pupil_json(const store::PersonFields& p, const std::string& class_name,
                          const std::optional<std::string>& family_key) {
    nlohmann::json j = person_json(p);
    j["class"] = class_name;
    j["family"] = family_key.value_or("");
    return j;
}

// The natural keys (name match key and birth date) the school's pupils may have: most rows of
// a first load name nobody already stored, and the filter says so without the lookup.
class NaturalKeyFilter {
public:
    // Loads the stored pupils' keys the first time it is asked.
    bool may_exist(ImportRun& run, const store::PersonFields& p) {
        if (!loaded_) {
            store::for_each_pupil_natural_key(
                run.db(), run.session.school_id(),
                [this](std::string_view key, std::optional<std::string_view> born) {
                    keys_.add(joined_key(key, born));
                });
            loaded_ = true;
        }
        return keys_.may_contain(joined_key(p.match_key, p.birth_date));
    }

    void add(const store::PersonFields& p) { keys_.add(joined_key(p.match_key, p.birth_date)); }

private:
    KeyFilter keys_;
    bool loaded_ = false;
};

class StudentImporter final : public RowImporter {
public:
    std::string kind() const override { return "students"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = [] {
            auto f = person_field_specs(true);
            f.push_back({"class", {"Класс", "class_name", "grade_class"}, true});
            f.push_back({"family", {"Семья", "Код семьи", "family_key"}, false});
            return f;
        }();
        return specs;
    }

    bool syncs() const override { return true; }
    bool dates_memberships() const override { return true; }

    // Every check (fields, class, match) comes before the first write.
    bool checks_before_writing() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        auto person = read_person(row, person_columns, true);
        if (auto* problem = std::get_if<RowProblem>(&person)) {
            return *problem;
        }
        auto& p = std::get<store::PersonFields>(person);
        auto klass = resolve_class(run, row[class_]);
        if (auto* problem = std::get_if<RowProblem>(&klass)) {
            return *problem;
        }
        std::optional<store::PupilRow> existing;
        if (auto problem = match(run, row, p, existing)) {
            return *problem;
        }
        std::int64_t class_id = std::holds_alternative<std::int64_t>(klass)
                                    ? std::get<std::int64_t>(klass)
                                    : classes_->create(run, std::get<domain::ClassName>(klass));
        std::optional<std::string> family_key;
        if (!row[family].empty()) {
            family_key = row[family];
        } else if (existing && !row.has_column(family)) {
            family_key = existing->family_key;  // a file without the column keeps it
        }
        return existing ? update(run, row, p, *existing, class_id, family_key)
                        : create(run, row, p, class_id, family_key);
    }

    std::size_t remove_absent(ImportRun& run) override {
        std::string left_on = run.request.left_on.value_or(run.today);
        std::size_t left = 0;
        for (std::int64_t id : store::current_pupils(run.db(), run.session.school_id())) {
            if (run.claimed(id)) {
                continue;
            }
            store::pupil_left(run.db(), id, left_on);
            int accounts = store::disable_accounts_of(run.db(), id, run.now);
            run.session.audit("pupil.left", "pupil", std::to_string(id),
                              {{"left_on", left_on},
                               {"accounts_disabled", accounts},
                               {"source", run.summary.file + " (sync: not in the file)"}});
            ++left;
        }
        return left;
    }

private:
    std::variant<std::int64_t, domain::ClassName, RowProblem> resolve_class(
        ImportRun& run, const std::string& text) {
        if (!classes_) {
            classes_.emplace(run);
        }
        // The first load of a year makes its classes; later an unknown class is a typo.
        return classes_->resolve(run, text, "class",
                                 classes_->year_had_classes() ? MissingClass::reject
                                                              : MissingClass::create);
    }

    // Finds the pupil the row is about, if the school has them: by id, else by name and birth
    // date. A row may name a pupil only once per file.
    std::optional<RowProblem> match(ImportRun& run, const RowCells& row, store::PersonFields& p,
                                    std::optional<store::PupilRow>& existing) {
        std::int64_t school = run.session.school_id();
        if (p.external_id) {
            existing = store::find_pupil_by_external_id(run.db(), school, *p.external_id);
            if (!existing) {
                if (auto problem = id_of_another_kind(run, p.external_id)) {
                    return problem;
                }
            }
        }
        if (!existing && natural_keys_.may_exist(run, p)) {
            auto matches = store::find_pupils_by_natural_key(run.db(), school, p.match_key,
                                                             p.birth_date);
            // A natural-key match that carries another id is a different pupil: a namesake
            // born the same day, or the same child entered twice. Say so.
            std::vector<store::PupilRow> others;
            std::erase_if(matches, [&](const store::PupilRow& m) {
                bool other = p.external_id && m.person.external_id &&
                             m.person.external_id != p.external_id;
                if (other) {
                    others.push_back(m);
                }
                return other;
            });
            if (matches.size() > 1) {
                return RowProblem{"last_name", std::to_string(matches.size()) +
                                                   " pupils already have this name and birth "
                                                   "date; add an id column to tell them apart"};
            }
            if (matches.size() == 1) {
                existing = matches.front();
                keep_stored_spelling(run, row, existing->person, p);
            }
            for (const auto& o : others) {
                run.warn(row.line(), "«" + display_name(p) + "» (" + *p.external_id +
                                         ") has the name and birth date of pupil " +
                                         *o.person.external_id + " «" + display_name(o.person) +
                                         "»" + (o.class_name.empty() ? "" : " in " + o.class_name) +
                                         ": the same child entered twice?");
            }
        }
        if (existing) {
            if (auto first = run.claim(existing->person_id, row.line())) {
                return RowProblem{p.external_id ? "external_id" : "last_name",
                                  "the same pupil as line " + std::to_string(*first)};
            }
        }
        return std::nullopt;
    }

    // Matched by name and birth date, the file's spelling may differ from the stored one in
    // what the name key ignores: Ё/Е, case, spacing. The stored spelling is kept — many systems
    // drop Ё or shout in capitals, and documents need the name as it was entered — and the
    // secretary is told; a file with an id column respells a name.
    static void keep_stored_spelling(ImportRun& run, const RowCells& row,
                                     const store::PersonFields& stored, store::PersonFields& p) {
        std::string file_name = display_name(p);
        std::string stored_name = display_name(stored);
        if (file_name == stored_name) {
            return;
        }
        p.last_name = stored.last_name;
        p.first_name = stored.first_name;
        p.middle_name = stored.middle_name;
        run.warn(row.line(), "«" + file_name + "» is taken for pupil «" + stored_name + "»" +
                                 (stored.external_id ? " (" + *stored.external_id + ")" : "") +
                                 ": the same name (Ё/Е, case and spaces aside) and birth date; "
                                 "the stored spelling is kept (to respell, import with ids)");
    }

    RowResult create(ImportRun& run, const RowCells& row, const store::PersonFields& p,
                     std::int64_t class_id, const std::optional<std::string>& family_key) {
        std::int64_t id = store::insert_pupil(run.db(), run.session.school_id(), p, run.now);
        natural_keys_.add(p);
        if (family_key) {
            store::set_family_key(run.db(), id, family_key);
        }
        run.claim(id, row.line());
        store::start_in_class(run.db(), id, class_id, membership_start(run));
        run.session.audit("pupil.create", "pupil", std::to_string(id),
                          creation_details(pupil_json(p, classes_->name(class_id), family_key),
                                           run.source(row.line())));
        return RowAction::created;
    }

    RowResult update(ImportRun& run, const RowCells& row, store::PersonFields p,
                     const store::PupilRow& existing, std::int64_t class_id,
                     const std::optional<std::string>& family_key) {
        keep_unread_fields(row, person_columns, existing.person, p);
        nlohmann::json changes =
            changed_fields(pupil_json(existing.person, existing.class_name, existing.family_key),
                           pupil_json(p, classes_->name(class_id), family_key));
        if (existing.left_on) {
            changes["left_on"] = {*existing.left_on, nullptr};
        }
        if (changes.empty()) {
            return RowAction::unchanged;
        }
        store::update_person(run.db(), existing.person_id, p, run.now);
        natural_keys_.add(p);
        if (existing.class_id != class_id) {
            store::move_to_class(run.db(), existing.person_id, class_id, membership_start(run));
        }
        if (existing.left_on) {
            store::readmit_pupil(run.db(), existing.person_id);
        }
        if (family_key != existing.family_key) {
            store::set_family_key(run.db(), existing.person_id, family_key);
        }
        run.session.audit("pupil.update", "pupil", std::to_string(existing.person_id),
                          {{"changes", changes}, {"source", run.source(row.line())}});
        return RowAction::updated;
    }

    std::optional<ClassResolver> classes_;
    NaturalKeyFilter natural_keys_;
};

}  // namespace

std::unique_ptr<RowImporter> make_student_importer() {
    return std::make_unique<StudentImporter>();
}

}  // namespace schoolctl::app
