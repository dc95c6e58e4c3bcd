#pragma once
// What a period-mark computation reads besides the marks: each subject's scale and each work
// type's weight as the configuration has them now, and the pupils with the class they count in.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "app/session.h"
#include "domain/period_mark.h"
#include "store/final_marks.h"
#include "store/subjects.h"

namespace schoolctl::app {

class FinalsInputs {
public:
    explicit FinalsInputs(Session& session);

    const store::SubjectRow& subject(std::int64_t subject_id) const;
    // The subject's scale; exit 78 for a scale code the configuration lacks, checked only for
    // subjects that are computed.
    const domain::MarkScale& scale_of_subject(std::int64_t subject_id);

    // The mark with the weight of its work type now; nullopt for a work type the configuration
    // no longer has, remembered for check_work_types().
    std::optional<domain::WeightedMark> weighted(const store::PeriodMarkRow& mark,
                                                 const store::PeriodPupil& pupil);
    // Exit 78 naming every work type the configuration lacks and the marks that have it.
    void check_work_types() const;

    // A stored period mark read back on the subject's scale; exit 65 when it is not on it (the
    // subject's scale was changed after the mark was set).
    domain::Mark final_mark(const store::FinalMarkRow& row, const domain::MarkScale& scale,
                            const store::PeriodPupil& pupil) const;

private:
    struct Unknown {
        std::size_t count = 0;
        std::vector<std::string> examples;
    };
    Session& session_;
    std::map<std::int64_t, store::SubjectRow> subjects_;
    std::map<std::string, domain::MarkScale> scales_;  // by scale code
    std::unordered_map<std::string, int> weights_;     // by work-type code
    std::map<std::string, Unknown> unknown_;           // work types the config lacks
};

// The lesson mark a stored row stands for: «4/3» counts both halves.
domain::Mark lesson_mark(const store::PeriodMarkRow& row);

// «Абрамова Д. Е. (5А)» for messages.
std::string pupil_label(const store::PeriodPupil& pupil);

// The pupils a computation covers, each with the class they are counted in.
class PupilsInScope {
public:
    // The pupil as kept: a pupil added twice keeps the first entry.
    const store::PeriodPupil& add(store::PeriodPupil pupil);
    const store::PeriodPupil* find(std::int64_t pupil_id) const;
    const std::map<std::int64_t, store::PeriodPupil>& all() const { return pupils_; }
    // A key that sorts classes by grade, then letter.
    std::pair<int, std::string> class_order(const std::string& class_name) const;

private:
    std::map<std::int64_t, store::PeriodPupil> pupils_;
    std::map<std::string, std::pair<int, std::string>> classes_;
};

}  // namespace schoolctl::app
