#include "app/import/subjects.h"

#include <map>
#include <nlohmann/json.hpp>

#include "app/import/person_fields.h"
#include "domain/grading.h"
#include "domain/person_name.h"
#include "store/subjects.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { code, name, scale };

// A scale code: the built-in ones (DOMAIN.md) and the school's own ([[scales]] in config), or
// the Russian spellings schools put in the column.
std::optional<std::string> scale_name(const std::string& text, const domain::Settings& settings) {
    static const std::map<std::string, std::string> aliases = {
        {"", "five_point"},          {"5", "five_point"},         {"пятибалльная", "five_point"},
        {"10", "ten_point"},         {"десятибалльная", "ten_point"},
        {"100", "hundred_point"},    {"стобалльная", "hundred_point"},
        {"зачёт", "pass_fail"},      {"зачет", "pass_fail"},      {"зачёт/незачёт", "pass_fail"},
        {"безотметочная", "none"},   {"без отметок", "none"}};
    std::string key = domain::match_key(text);
    for (const auto& [alias, scale] : aliases) {
        if (domain::match_key(alias) == key) {
            return scale;
        }
    }
    for (const auto& known : domain::scale_codes(settings)) {
        if (key == domain::match_key(known)) {
            return known;
        }
    }
    return std::nullopt;
}

class SubjectImporter final : public RowImporter {
public:
    std::string kind() const override { return "subjects"; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"code", {"Код", "Код предмета", "short_name", "courseCode"}, true},
            {"name", {"Название", "Предмет", "Наименование", "title"}, true},
            {"scale", {"Шкала", "Система оценивания", "grading_scale"}, false},
        };
        return specs;
    }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!loaded_) {
            for (auto& s : store::list_subjects(run.db(), run.session.school_id())) {
                by_code_[domain::match_key(s.code)] = s;
            }
            loaded_ = true;
        }
        store::SubjectRow subject{0, row[code], row[name], ""};
        for (auto [field, value] : {std::pair{"code", &subject.code},
                                    std::pair{"name", &subject.name}}) {
            if (value->empty()) {
                return RowProblem{field, "is empty"};
            }
        }
        if (subject.code.find_first_of(" ,;") != std::string::npos) {
            return RowProblem{"code", "\"" + subject.code +
                                          "\" has a space, comma or semicolon; a code is one "
                                          "word (MATH, РУС)"};
        }
        auto s = scale_name(row[scale], run.session.settings());
        if (!s) {
            std::string list;
            for (const auto& k : domain::scale_codes(run.session.settings())) {
                list += (list.empty() ? "" : ", ") + k;
            }
            return RowProblem{"scale", "\"" + row[scale] + "\" is not a scale (" + list + ")"};
        }
        subject.scale = *s;
        std::string key = domain::match_key(subject.code);
        auto it = by_code_.find(key);
        nlohmann::json now = {{"code", subject.code}, {"name", subject.name},
                              {"scale", subject.scale}};
        if (it == by_code_.end()) {
            subject.id = store::insert_subject(run.db(), run.session.school_id(), subject);
            run.claim(subject.id, row.line());
            by_code_[key] = subject;
            run.session.audit("subject.create", "subject", std::to_string(subject.id),
                              {{"new", now}, {"source", run.source(row.line())}});
            return RowAction::created;
        }
        store::SubjectRow& old = it->second;
        if (!row.has_column(scale)) {
            subject.scale = old.scale;  // a list of subjects alone keeps their scales
            now["scale"] = old.scale;
        }
        if (auto first = run.claim(old.id, row.line())) {
            return RowProblem{"code", "the same subject as line " + std::to_string(*first)};
        }
        nlohmann::json before = {{"code", old.code}, {"name", old.name}, {"scale", old.scale}};
        if (before == now) {
            return RowAction::unchanged;
        }
        nlohmann::json changes = changed_fields(before, now);
        subject.id = old.id;
        store::update_subject(run.db(), subject);
        run.session.audit("subject.update", "subject", std::to_string(subject.id),
                          {{"changes", changes}, {"source", run.source(row.line())}});
        old = subject;
        return RowAction::updated;
    }

private:
    bool loaded_ = false;
    std::map<std::string, store::SubjectRow> by_code_;
};

}  // namespace

std::unique_ptr<RowImporter> make_subject_importer() {
    return std::make_unique<SubjectImporter>();
}

}  // namespace schoolctl::app
