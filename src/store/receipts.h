#pragma once
// When a guardian first saw a mark, a remark or a lesson's homework in the diary (table
// seen_receipts), and what no guardian of a pupil has seen yet.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/person_name.h"
#include "store/database.h"

namespace schoolctl::store {

// A mark (marks.id), a remark (remarks.id) or a lesson's homework (the lesson's id).
struct SeenItem {
    std::string kind;  // mark | remark | homework
    std::int64_t item_id = 0;
};

// Records that `guardian_id` saw these items of `pupil_id` at `now`; an item seen before keeps
// its first time. Returns how many were seen for the first time.
int record_seen(Database& db, std::int64_t pupil_id, std::int64_t guardian_id,
                const std::vector<SeenItem>& items, const std::string& now);

// The first time the guardian saw the item, if ever.
std::optional<std::string> seen_at(Database& db, const SeenItem& item, std::int64_t pupil_id,
                                   std::int64_t guardian_id);

// A pupil of a class on a day.
struct ClassPupil {
    std::int64_t pupil_id = 0;
    domain::PersonName name;
};
std::vector<ClassPupil> class_pupils_on(Database& db, std::int64_t class_id,
                                        const std::string& on);

// A pupil's guardian, by pupil.
struct PupilGuardian {
    std::int64_t pupil_id = 0;
    std::int64_t guardian_id = 0;
    domain::PersonName name;
};
// The guardians of the pupils in the class on the day, by pupil and guardian id.
std::vector<PupilGuardian> class_guardians_on(Database& db, std::int64_t class_id,
                                              const std::string& on);

// A mark or remark that none of the pupil's guardians has a receipt for.
struct UnseenItem {
    std::string kind;  // mark | remark
    std::int64_t item_id = 0;
    std::int64_t pupil_id = 0;
    std::string date;          // the lesson's or the remark's date, ISO
    std::string subject_name;  // "" for a remark on no lesson
    std::string text;          // the mark's value or the remark's text
    std::string work_type;     // a mark's work type code; "" for a remark
};

// The unseen marks and remarks dated in [from, to] of the pupils in the class on `on`, by
// pupil, date and item.
std::vector<UnseenItem> unseen_items(Database& db, std::int64_t class_id, const std::string& on,
                                     const std::string& from, const std::string& to);

}  // namespace schoolctl::store
