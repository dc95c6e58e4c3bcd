#include "app/import/subject_resolver.h"

#include "domain/person_name.h"
#include "store/subjects.h"

namespace schoolctl::app {

SubjectResolver::SubjectResolver(ImportRun& run) {
    for (const auto& s : store::list_subjects(run.db(), run.session.school_id())) {
        ids_[domain::match_key(s.code)] = s.id;
        ids_.emplace(domain::match_key(s.name), s.id);
        codes_.push_back(s.code);
    }
}

std::variant<std::int64_t, RowProblem> SubjectResolver::resolve(const std::string& text,
                                                                const std::string& field) const {
    if (auto it = ids_.find(domain::match_key(text)); it != ids_.end()) {
        return it->second;
    }
    if (codes_.empty()) {
        return RowProblem{field, "\"" + text + "\": the school has no subjects yet; import them "
                                               "first with `schoolctl import subjects`"};
    }
    return RowProblem{field, "\"" + text + "\" is not a subject code or name" +
                                 did_you_mean(codes_)};
}

}  // namespace schoolctl::app
