#include "app/import/staff.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "app/import/person_fields.h"
#include "app/import/subject_resolver.h"
#include "store/staff.h"
#include "store/subjects.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t {
    external_id,
    last_name,
    first_name,
    middle_name,
    birth_date,
    position,
    subjects
};
const PersonColumns person_columns{external_id, last_name, first_name, middle_name, birth_date};

nlohmann::json staff_json(const store::PersonFields& p, const std::string& position,
                          const std::vector<std::string>& codes) {
    nlohmann::json j = person_json(p);
    j["position"] = position;
    j["subjects"] = codes;
    return j;
}

class StaffImporter final : public RowImporter {
public:
    std::string kind() const override { return "staff"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = [] {
            auto f = person_field_specs(true);
            f.push_back({"position", {"Должность", "title", "job_title"}, false});
            f.push_back({"subjects", {"Предметы", "Предмет", "subject_codes"}, false});
            return f;
        }();
        return specs;
    }

    bool syncs() const override { return true; }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        auto person = read_person(row, person_columns, false);
        if (auto* problem = std::get_if<RowProblem>(&person)) {
            return *problem;
        }
        auto& p = std::get<store::PersonFields>(person);
        std::vector<std::int64_t> subject_ids;
        std::vector<std::string> codes;
        if (!subjects_) {
            subjects_.emplace(run);
            for (const auto& s : store::list_subjects(run.db(), run.session.school_id())) {
                code_of_[s.id] = s.code;
            }
        }
        for (const auto& item : split_list(row[subjects])) {
            auto id = subjects_->resolve(item, "subjects");
            if (auto* problem = std::get_if<RowProblem>(&id)) {
                return *problem;
            }
            subject_ids.push_back(std::get<std::int64_t>(id));
            codes.push_back(code_of_[subject_ids.back()]);
        }
        std::sort(codes.begin(), codes.end());
        codes.erase(std::unique(codes.begin(), codes.end()), codes.end());

        std::optional<store::StaffRow> existing;
        if (auto problem = match(run, row, p, existing)) {
            return *problem;
        }
        std::string pos = row[position];
        if (!existing) {
            std::int64_t id =
                store::insert_staff(run.db(), run.session.school_id(), p, pos, run.now);
            run.claim(id, row.line());
            store::set_staff_subjects(run.db(), id, subject_ids);
            run.session.audit("staff.create", "staff", std::to_string(id),
                              {{"new", staff_json(p, pos, codes)},
                               {"source", run.source(row.line())}});
            return RowAction::created;
        }
        keep_unread_fields(row, person_columns, existing->person, p);
        if (!row.has_column(position)) {
            pos = existing->position;
        }
        if (!row.has_column(subjects)) {
            codes = existing->subject_codes;  // a file without the column keeps them
        }
        const store::StaffRow& old = *existing;
        nlohmann::json changes =
            changed_fields(staff_json(old.person, old.position, old.subject_codes),
                           staff_json(p, pos, codes));
        if (existing->left_on) {
            changes["left_on"] = {*existing->left_on, nullptr};
        }
        if (changes.empty()) {
            return RowAction::unchanged;
        }
        store::update_person(run.db(), existing->person_id, p, run.now);
        store::update_staff(run.db(), existing->person_id, pos);
        if (row.has_column(subjects)) {
            store::set_staff_subjects(run.db(), existing->person_id, subject_ids);
        }
        run.session.audit("staff.update", "staff", std::to_string(existing->person_id),
                          {{"changes", changes}, {"source", run.source(row.line())}});
        return RowAction::updated;
    }

    std::size_t remove_absent(ImportRun& run) override {
        std::string left_on = run.request.left_on.value_or(run.today);
        std::size_t left = 0;
        for (std::int64_t id : store::current_staff(run.db(), run.session.school_id())) {
            if (run.claimed(id)) {
                continue;
            }
            store::staff_left(run.db(), id, left_on);
            int accounts = store::disable_accounts_of(run.db(), id, run.now);
            run.session.audit("staff.left", "staff", std::to_string(id),
                              {{"left_on", left_on},
                               {"accounts_disabled", accounts},
                               {"source", run.summary.file + " (sync: not in the file)"}});
            ++left;
        }
        return left;
    }

private:
    std::optional<RowProblem> match(ImportRun& run, const RowCells& row,
                                    const store::PersonFields& p,
                                    std::optional<store::StaffRow>& existing) {
        std::int64_t school = run.session.school_id();
        if (p.external_id) {
            existing = store::find_staff_by_external_id(run.db(), school, *p.external_id);
            if (!existing) {
                if (auto problem = id_of_another_kind(run, p.external_id)) {
                    return problem;
                }
            }
        }
        if (!existing) {
            auto matches = store::find_staff_by_name(run.db(), school, p.match_key, p.birth_date);
            std::erase_if(matches, [&](const store::StaffRow& m) {
                return p.external_id && m.person.external_id &&
                       m.person.external_id != p.external_id;
            });
            if (matches.size() > 1) {
                return RowProblem{"last_name", std::to_string(matches.size()) +
                                                   " staff members already have this name; add "
                                                   "an id or a birth date column"};
            }
            if (matches.size() == 1) {
                existing = matches.front();
            }
        }
        if (existing) {
            if (auto first = run.claim(existing->person_id, row.line())) {
                return RowProblem{p.external_id ? "external_id" : "last_name",
                                  "the same staff member as line " + std::to_string(*first)};
            }
        }
        return std::nullopt;
    }

    std::optional<SubjectResolver> subjects_;
    std::map<std::int64_t, std::string> code_of_;
};

}  // namespace

std::unique_ptr<RowImporter> make_staff_importer() { return std::make_unique<StaffImporter>(); }

}  // namespace schoolctl::app
