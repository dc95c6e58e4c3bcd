#include "app/import/groups.h"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>

#include "app/import/class_resolver.h"
#include "app/import/group_resolver.h"
#include "app/import/person_fields.h"
#include "app/import/roster_links.h"
#include "domain/person_name.h"

namespace schoolctl::app {
namespace {

enum Field : std::size_t { group, class_, kind_, students };

// The kinds the schema knows, with the words schools write for them.
std::optional<std::string> kind_name(const std::string& text) {
    static const std::array<std::pair<const char*, const char*>, 9> aliases = {{
        {"subgroup", "subgroup"},
        {"подгруппа", "subgroup"},
        {"группа", "subgroup"},
        {"stream", "stream"},
        {"поток", "stream"},
        {"elective", "elective"},
        {"элективный курс", "elective"},
        {"электив", "elective"},
        {"факультатив", "elective"},
    }};
    std::string key = domain::match_key(text);
    for (auto [alias, kind] : aliases) {
        if (domain::match_key(alias) == key) {
            return std::string(kind);
        }
    }
    return std::nullopt;
}

using Members = std::vector<std::int64_t>;  // pupil ids, sorted

class GroupImporter final : public RowImporter {
public:
    std::string kind() const override { return "groups"; }
    bool dates_memberships() const override { return true; }

    const std::vector<FieldSpec>& fields() const override {
        static const std::vector<FieldSpec> specs = {
            {"group", {"Группа", "Подгруппа", "Название", "group_name"}, true},
            {"class", {"Класс", "class_name"}, false},
            {"kind", {"Тип", "Вид", "group_kind"}, false},
            {"students", {"Ученики", "Состав", "members", "student_ids"}, false},
        };
        return specs;
    }

    RowResult import_row(ImportRun& run, const RowCells& row) override {
        if (!groups_) {
            groups_.emplace(run);
            classes_.emplace(run);
        }
        store::GroupRow wanted{0, row[group], std::nullopt, ""};
        if (wanted.name.empty()) {
            return RowProblem{"group", "is empty"};
        }
        if (!row[class_].empty()) {
            auto klass = classes_->resolve(run, row[class_], "class", MissingClass::reject);
            if (auto* problem = std::get_if<RowProblem>(&klass)) {
                return *problem;
            }
            wanted.class_id = std::get<std::int64_t>(klass);
        }
        if (auto problem = read_kind(row, wanted)) {
            return *problem;
        }
        Members members;
        if (row.has_column(students)) {
            if (auto problem = find_members(run, row, wanted, members)) {
                return *problem;
            }
        }
        store::GroupRow* existing = groups_->find(wanted.name);
        if (!existing) {
            return create(run, row, wanted, members);
        }
        if (auto first = run.claim(existing->id, row.line())) {
            return RowProblem{"group", "the same group as line " + std::to_string(*first)};
        }
        if (!row.has_column(class_)) {
            wanted.class_id = existing->class_id;  // a file without the column keeps it
        }
        if (!row.has_column(kind_)) {
            wanted.kind = existing->kind;
        }
        return update(run, row, *existing, wanted, members);
    }

private:
    static std::optional<RowProblem> read_kind(const RowCells& row, store::GroupRow& g) {
        std::string text = row[kind_];
        if (text.empty()) {
            g.kind = g.class_id ? "subgroup" : "stream";
        } else if (auto k = kind_name(text)) {
            g.kind = *k;
        } else {
            return RowProblem{"kind", "\"" + text + "\" is not a kind of group (subgroup, "
                                                    "stream, elective)"};
        }
        if (g.kind == "subgroup" && !g.class_id) {
            return RowProblem{"class", "is empty: a subgroup is part of a class"};
        }
        return std::nullopt;
    }

    // The pupils the list names, each by id or by full name; a subgroup's pupils must be in
    // its class, and a name two pupils share is refused, never guessed.
    std::optional<RowProblem> find_members(ImportRun& run, const RowCells& row,
                                           const store::GroupRow& g, Members& members) {
        std::int64_t school = run.session.school_id();
        for (const auto& item : split_list(row[students])) {
            std::optional<store::PupilRef> pupil =
                store::find_current_pupil_by_external_id(run.db(), school, item);
            if (!pupil) {
                auto named = store::find_current_pupils_by_name(run.db(), school,
                                                                domain::match_key(item));
                if (g.class_id && named.size() > 1) {
                    std::erase_if(named, [&](const store::PupilRef& p) {
                        return p.class_id != g.class_id;
                    });
                }
                if (named.size() > 1) {
                    return RowProblem{"students", "\"" + item + "\": " +
                                                      std::to_string(named.size()) +
                                                      " pupils have this name; give the id"};
                }
                if (named.empty()) {
                    return RowProblem{"students", "\"" + item +
                                                      "\" is neither the id nor the full name "
                                                      "of a pupil at school"};
                }
                pupil = named.front();
            }
            if (g.kind == "subgroup" && pupil->class_id != g.class_id) {
                return RowProblem{"students", "\"" + item + "\" is " +
                                                  (pupil->class_id
                                                       ? "in " + classes_->name(*pupil->class_id)
                                                       : std::string("in no class")) +
                                                  ", and the subgroup is part of " +
                                                  classes_->name(*g.class_id)};
            }
            members.push_back(pupil->person_id);
        }
        std::sort(members.begin(), members.end());
        members.erase(std::unique(members.begin(), members.end()), members.end());
        return std::nullopt;
    }

    nlohmann::json group_json(const store::GroupRow& g) const {
        return {{"group", g.name},
                {"class", g.class_id ? classes_->name(*g.class_id) : ""},
                {"kind", g.kind}};
    }

    RowResult create(ImportRun& run, const RowCells& row, store::GroupRow g,
                     const Members& members) {
        g.id = store::insert_group(run.db(), run.year().id, g);
        run.claim(g.id, row.line());
        std::string from = membership_start(run);
        for (std::int64_t pupil : members) {
            store::join_group(run.db(), g.id, pupil, from);
        }
        nlohmann::json fields = group_json(g);
        fields["students"] = members;
        run.session.audit("group.create", "group", std::to_string(g.id),
                          {{"new", fields}, {"source", run.source(row.line())}});
        groups_->add(g);
        return RowAction::created;
    }

    RowResult update(ImportRun& run, const RowCells& row, store::GroupRow& existing,
                     store::GroupRow wanted, const Members& members) {
        wanted.id = existing.id;
        wanted.name = existing.name;  // the same group, whatever spelling the file used
        nlohmann::json changes = changed_fields(group_json(existing), group_json(wanted));
        Members joined, left;
        if (row.has_column(students)) {
            Members now = store::group_members(run.db(), existing.id);
            std::set_difference(members.begin(), members.end(), now.begin(), now.end(),
                                std::back_inserter(joined));
            std::set_difference(now.begin(), now.end(), members.begin(), members.end(),
                                std::back_inserter(left));
        }
        if (changes.empty() && joined.empty() && left.empty()) {
            return RowAction::unchanged;
        }
        if (!changes.empty()) {
            store::update_group(run.db(), wanted);
        }
        std::string from = membership_start(run);
        for (std::int64_t pupil : left) {
            store::leave_group(run.db(), existing.id, pupil, from);
        }
        for (std::int64_t pupil : joined) {
            store::join_group(run.db(), existing.id, pupil, from);
        }
        if (!joined.empty()) {
            changes["students_joined"] = joined;
        }
        if (!left.empty()) {
            changes["students_left"] = left;
        }
        run.session.audit("group.update", "group", std::to_string(existing.id),
                          {{"changes", changes}, {"source", run.source(row.line())}});
        existing = wanted;
        return RowAction::updated;
    }

    std::optional<GroupResolver> groups_;
    std::optional<ClassResolver> classes_;
};

}  // namespace

std::unique_ptr<RowImporter> make_group_importer() { return std::make_unique<GroupImporter>(); }

}  // namespace schoolctl::app
