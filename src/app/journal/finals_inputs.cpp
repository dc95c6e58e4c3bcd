#include "app/journal/finals_inputs.h"

#include <variant>

#include "app/journal/finals_period.h"
#include "domain/grading.h"
#include "util/error.h"

namespace schoolctl::app {
namespace {

constexpr std::size_t examples_shown = 3;

std::string ru_date(const std::string& iso) {
    auto d = domain::parse_date(iso);
    return d ? domain::format_ru(*d) : iso;
}

}  // namespace

FinalsInputs::FinalsInputs(Session& session) : session_(session) {
    for (auto& s : store::list_subjects(session.db(), session.school_id())) {
        subjects_.emplace(s.id, std::move(s));
    }
    for (const auto& type : session.settings().work_types) {
        weights_.emplace(type.code, type.weight);
    }
}

const store::SubjectRow& FinalsInputs::subject(std::int64_t subject_id) const {
    return subjects_.at(subject_id);
}

const domain::MarkScale& FinalsInputs::scale_of_subject(std::int64_t subject_id) {
    const store::SubjectRow& s = subject(subject_id);
    auto it = scales_.find(s.scale);
    if (it == scales_.end()) {
        it = scales_.emplace(s.scale, scale_for(session_.settings(), s.code, s.scale)).first;
    }
    return it->second;
}

std::optional<domain::WeightedMark> FinalsInputs::weighted(const store::PeriodMarkRow& mark,
                                                          const store::PeriodPupil& pupil) {
    auto it = weights_.find(mark.work_type);
    if (it == weights_.end()) {
        Unknown& u = unknown_[mark.work_type];
        if (u.examples.size() < examples_shown) {
            u.examples.push_back(pupil_label(pupil) + ", " + subject(mark.subject_id).code +
                                 ", " + ru_date(mark.date) + ": " + mark.value);
        }
        ++u.count;
        return std::nullopt;
    }
    return domain::WeightedMark{lesson_mark(mark), it->second};
}

void FinalsInputs::check_work_types() const {
    if (unknown_.empty()) {
        return;
    }
    std::string text;
    for (const auto& [code, u] : unknown_) {
        text += (text.empty() ? "" : "; ") + ("\"" + code + "\" (" + std::to_string(u.count) +
                                               (u.count == 1 ? " mark: " : " marks, e.g. "));
        for (std::size_t i = 0; i < u.examples.size(); ++i) {
            text += (i ? "; " : "") + u.examples[i];
        }
        text += ")";
    }
    throw Error(ExitCode::config,
                "marks have work types the configuration no longer has, so their weight is "
                "unknown: " + text + ". Add them back to [[work_types]] (now: " +
                    domain::work_types_text(session_.settings()) +
                    "), or correct those marks");
}

domain::Mark FinalsInputs::final_mark(const store::FinalMarkRow& row,
                                      const domain::MarkScale& scale,
                                      const store::PeriodPupil& pupil) const {
    auto parsed = domain::parse_mark(row.final_value, scale, domain::final_mark_rules());
    if (auto* mark = std::get_if<domain::Mark>(&parsed)) {
        return *mark;
    }
    throw Error(ExitCode::data, "the " + row.key.period + " mark of " + pupil_label(pupil) +
                                    " in " + subject(row.key.subject_id).code + " is \"" +
                                    row.final_value + "\": " + std::get<std::string>(parsed) +
                                    " (was the subject's scale changed? compute " +
                                    row.key.period + " again, or set the mark with `schoolctl "
                                    "finals set`)");
}

domain::Mark lesson_mark(const store::PeriodMarkRow& row) {
    domain::Mark m;
    m.kind = row.second_points ? domain::Mark::Kind::double_value : domain::Mark::Kind::value;
    m.text = row.value;
    m.points = row.points;
    m.second_points = row.second_points;
    return m;
}

std::string pupil_label(const store::PeriodPupil& pupil) {
    return domain::short_name(pupil.name) + " (" + pupil.class_name + ")";
}

const store::PeriodPupil& PupilsInScope::add(store::PeriodPupil pupil) {
    classes_.emplace(pupil.class_name, std::make_pair(pupil.grade, pupil.class_name));
    return pupils_.emplace(pupil.pupil_id, std::move(pupil)).first->second;
}

const store::PeriodPupil* PupilsInScope::find(std::int64_t pupil_id) const {
    auto it = pupils_.find(pupil_id);
    return it == pupils_.end() ? nullptr : &it->second;
}

std::pair<int, std::string> PupilsInScope::class_order(const std::string& class_name) const {
    auto it = classes_.find(class_name);
    return it == classes_.end() ? std::make_pair(0, class_name) : it->second;
}

}  // namespace schoolctl::app
